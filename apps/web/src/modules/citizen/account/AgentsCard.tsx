import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, List, Modal, Popconfirm, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { GrantAgentBody, type CitizenActingFor } from '@jsga/contracts';
import { notifyError, zodRule } from '../../../app/form-errors';
import { feedback } from '../../../app/feedback';
import { citizenApi, citizenKeys, useCompanyAgents } from '../api';
import { placeError } from '../labels';

type GrantValues = { name: string; idNo: string; validTo?: Dayjs | null };
const FIELDS = ['name', 'idNo', 'validTo'] as const;

function GrantAgentDialog({ open, onClose, onGranted }: { open: boolean; onClose: () => void; onGranted: () => void }) {
  const [form] = Form.useForm<GrantValues>();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async (v: GrantValues) => {
    setBusy(true);
    setAlert(null);
    try {
      await citizenApi.grantAgent({ name: v.name.trim(), idNo: v.idNo.trim().toUpperCase(), validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null });
      form.resetFields();
      onGranted();
    } catch (e) {
      const placed = placeError(e, FIELDS, { CITIZEN_IDENTITY_NOT_VERIFIED: 'idNo', CITIZEN_ID_NO_INVALID: 'idNo' });
      if (placed.fields.length) form.setFields(placed.fields);
      setAlert(placed.alert);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="授权经办人" okText="授权" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => { form.resetFields(); setAlert(null); onClose(); }} forceRender>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} name="citizen-agent" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label="经办人姓名" rules={[{ required: true, whitespace: true, message: '请输入经办人姓名' }, zodRule(GrantAgentBody.shape.name)]}>
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNo" label="经办人公民身份号码" rules={[{ required: true, whitespace: true, message: '请输入公民身份号码' }, zodRule(GrantAgentBody.shape.idNo)]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="validTo" label="授权截止日期" extra="不填则长期有效，可随时撤销">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} placeholder="长期有效" inputReadOnly />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 经办人授权: the agents of the company the 法定代表人 acts for; add one, revoke one. */
export function AgentsCard({ company }: { company: CitizenActingFor }) {
  const qc = useQueryClient();
  const agents = useCompanyAgents(company.creditCode);
  const [adding, setAdding] = useState(false);
  const reload = () => qc.invalidateQueries({ queryKey: citizenKeys.agents(company.creditCode) });

  const revoke = async (id: string) => {
    try {
      await citizenApi.revokeAgent(id);
      feedback.message.success('已撤销授权');
      await reload();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Card
      title={`经办人授权 · ${company.name}`}
      size="small"
      extra={<Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>添加经办人</Button>}
    >
      {agents.isError ? (
        <Alert type="error" showIcon message="经办人列表加载失败" action={<Button size="small" onClick={() => void agents.refetch()}>重试</Button>} />
      ) : (
        <section aria-label="经办人列表">
          <List
            loading={agents.isLoading}
            dataSource={agents.data?.items ?? []}
            locale={{ emptyText: '暂无经办人。经办人获授权后，可登录本平台代企业办事。' }}
            renderItem={(a) => (
              <List.Item
                key={a.id}
                actions={[
                  <Popconfirm key="revoke" title="撤销授权" description={`撤销后 ${a.name} 将不能再代本企业办事。`} okText="撤销" cancelText="取消" onConfirm={() => revoke(a.id)}>
                    <Button type="link" danger size="small">撤销</Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={a.name}
                  description={
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.idNoMasked} · {a.validTo ? `有效期至 ${a.validTo}` : '长期有效'} · 授权于 {dayjs(a.grantedAt).format('YYYY-MM-DD')}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        </section>
      )}
      <GrantAgentDialog
        open={adding}
        onClose={() => setAdding(false)}
        onGranted={() => {
          setAdding(false);
          feedback.message.success('已授权经办人');
          void reload();
        }}
      />
    </Card>
  );
}
