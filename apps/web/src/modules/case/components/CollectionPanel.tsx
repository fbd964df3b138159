import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio } from 'antd';
import type { CaseView, CollectBody } from '@jsga/contracts';
import { DialogKeyboard } from '../../../app/dialog-keyboard';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useCollect } from '../api';
import { readIdCard } from '../devices/id-card-reader';

/** Whether the result of this case is handed over at the window and not yet registered as collected. */
export const collectable = (v: CaseView) => v.status === 'concluded' && v.result === 'approved' && v.delivery?.method !== 'post' && !v.collection;

/**
 * 领取登记: the collection of a concluded case's result at the window — by the applicant, or an agent
 * whose 居民身份证 is read (or typed); shows who collected once registered.
 */
export function CollectionPanel({ view, canHandle }: { view: CaseView; canHandle: boolean }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [form] = Form.useForm<CollectBody>();
  const collect = useCollect();
  if (view.collection) {
    const c = view.collection;
    return <Alert type="success" showIcon style={{ marginBottom: 12 }} message={`已领取：${c.relation === 'self' ? '本人' : '代领'} ${c.collectorName}（${c.collectorIdNoMasked}），${new Date(c.at).toLocaleString('zh-CN')}${c.registeredBy ? `，登记人 ${c.registeredBy}` : ''}`} />;
  }
  if (!canHandle || !collectable(view)) return null;

  const read = async () => {
    setReading(true);
    try {
      const card = await readIdCard();
      form.setFieldsValue({ collectorName: card.name, collectorIdNo: card.idNo });
    } catch (e) {
      setError(e instanceof Error ? e.message : '读卡失败');
    } finally {
      setReading(false);
    }
  };
  const submit = async () => {
    setError(null);
    const values = await form.validateFields();
    try {
      await collect.mutateAsync({ id: view.id, body: values });
      feedback.message.success('已登记领取');
      setOpen(false);
    } catch (e) {
      setError(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : '登记失败，请稍后重试');
    }
  };
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => { form.resetFields(); setError(null); setOpen(true); }}>领取登记</Button>
      <Modal open={open} title={`领取登记 · ${view.caseNo}`} okText="确认登记" cancelText="取消" confirmLoading={collect.isPending} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <DialogKeyboard onSubmit={() => void submit()}>
        <Form form={form} layout="vertical" initialValues={{ relation: 'self', note: '' }}>
          <Form.Item name="relation" label="领取方式" rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'self', label: '本人领取' }, { value: 'agent', label: '他人代领' }]} />
          </Form.Item>
          <Button onClick={() => void read()} loading={reading} style={{ marginBottom: 12 }}>读取身份证</Button>
          <Form.Item name="collectorName" label="领取人姓名" rules={[{ required: true, whitespace: true, message: '请填写领取人姓名' }]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
          <Form.Item name="collectorIdNo" label="领取人公民身份号码" normalize={(v: string) => v.toUpperCase()} rules={[{ required: true, pattern: /^\d{17}[\dX]$/, message: '请填写18位公民身份号码' }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="note" label="备注（可选）">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
        </DialogKeyboard>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </Modal>
    </>
  );
}
