import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { RegisterCompanyBody } from '@jsga/contracts';
import { zodRule } from '../../../app/form-errors';
import { feedback } from '../../../app/feedback';
import { citizenApi, useSetCitizenMe } from '../api';
import { placeError } from '../labels';

/** 企业登记: a 法定代表人 adds their company by its credit code (checked against its 营业执照). */
export function CompanyRegisterCard() {
  const [form] = Form.useForm<{ creditCode: string }>();
  const setMe = useSetCitizenMe();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const submit = async ({ creditCode }: { creditCode: string }) => {
    setBusy(true);
    setAlert(null);
    try {
      setMe(await citizenApi.registerCompany(creditCode.trim().toUpperCase()));
      form.resetFields();
      feedback.message.success('企业登记成功，可在“办事身份”中切换为该企业');
    } catch (e) {
      // the company or the representative not matching belongs under the code; anything else above the form
      const placed = placeError(e, ['creditCode'], { CITIZEN_COMPANY_NOT_FOUND: 'creditCode', CITIZEN_NOT_LEGAL_REPRESENTATIVE: 'creditCode' });
      if (placed.fields.length) form.setFields(placed.fields);
      setAlert(placed.alert);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="企业登记" size="small">
      <Typography.Paragraph type="secondary">法定代表人输入企业统一社会信用代码，经营业执照核验后即可代企业办事、授权经办人。</Typography.Paragraph>
      {alert && <Alert type="error" showIcon role="alert" message={alert} style={{ marginBottom: 12 }} />}
      <Form form={form} name="citizen-company" layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
        <Form.Item label="统一社会信用代码" required={false} style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="creditCode" noStyle rules={[{ required: true, whitespace: true, message: '请输入统一社会信用代码' }, zodRule(RegisterCompanyBody.shape.creditCode)]}>
              <Input placeholder="18位统一社会信用代码" aria-label="统一社会信用代码" maxLength={18} autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>登记</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Card>
  );
}
