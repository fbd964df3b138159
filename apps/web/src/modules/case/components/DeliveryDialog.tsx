import { useEffect, useState } from 'react';
import { Alert, Cascader, Form, Input, Modal, Radio, Typography } from 'antd';
import { jiangsuCities, jiangsuProvince, type CaseDelivery, type CaseView, type ChangeDeliveryBody } from '@jsga/contracts';
import { DialogKeyboard } from '../../../app/dialog-keyboard';
import { feedback } from '../../../app/feedback';
import { isApiError } from '../../../app/request';
import { useChangeDelivery } from '../api';
import { deliveryMethodLabels, optionsOf } from './labels';

type Method = CaseDelivery['method'];

interface Values {
  method: Method;
  mailRecipient?: string;
  mailPhone?: string;
  /** Cascader path: province, city, county. */
  mailRegion?: string[];
  mailAddress?: string;
  reason: string;
}

const regionOptions = [
  {
    value: jiangsuProvince.code,
    label: jiangsuProvince.name,
    children: jiangsuCities.map((c) => ({ value: c.code, label: c.name, children: c.counties.map((k) => ({ value: k.code, label: k.name })) })),
  },
];

/** The request body: the mail fields only for 邮寄, trimmed; the region as its most specific code. */
export function deliveryBody(v: Values): ChangeDeliveryBody {
  const reason = v.reason.trim();
  if (v.method === 'window') return { method: 'window', reason };
  const region = v.mailRegion?.at(-1);
  return {
    method: 'post',
    mailRecipient: v.mailRecipient?.trim(),
    mailPhone: v.mailPhone?.trim(),
    ...(region ? { mailRegion: region } : {}),
    mailAddress: v.mailAddress?.trim(),
    reason,
  };
}

/** 变更送达方式: 窗口领取 ↔ 邮寄送达 (with the address), at the applicant's request; the reason goes into the case history. */
export function DeliveryDialog({ view, open, onClose, onReload }: { view: CaseView; open: boolean; onClose: () => void; onReload: (notice?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const run = useChangeDelivery();
  const [error, setError] = useState<string | null>(null);
  const method = Form.useWatch('method', form);
  const current = view.delivery;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    // the usual change is to the other method; the phone is shown masked, so it is typed again
    form.setFieldsValue({
      method: current?.method === 'post' ? 'window' : 'post',
      mailRecipient: current?.recipient ?? undefined,
      mailAddress: current?.address ?? undefined,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  if (!open || !current) return null;

  const submit = async () => {
    if (run.isPending) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await run.mutateAsync({ id: view.id, body: deliveryBody(values) });
      feedback.message.success(`送达方式已变更为「${deliveryMethodLabels[values.method]}」`);
      onClose();
    } catch (e) {
      if (isApiError(e) && (e.code === 'CASE_STALE' || e.code === 'CASE_ACTION_NOT_ALLOWED')) {
        onClose();
        onReload(e.code === 'CASE_STALE' ? '办件已被他人办理或修改，已重新加载最新内容，请核对后再操作' : `${e.message}，已重新加载最新内容`);
        return;
      }
      if (isApiError(e) && e.handled) return;
      setError(isApiError(e) ? [e.message, ...e.fieldErrors.map((f) => f.message)].join('；') : '变更失败，请稍后重试');
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  return (
    <Modal
      open
      title={`变更送达方式 · ${view.caseNo}`}
      okText="确认变更"
      cancelText="取消"
      okButtonProps={{ loading: run.isPending }}
      onOk={trySubmit}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <DialogKeyboard onSubmit={trySubmit}>
        <Typography.Paragraph type="secondary">
          当前：{deliveryMethodLabels[current.method]}
          {current.method === 'post' && `（${[current.recipient, current.phoneMasked, current.address].filter(Boolean).join('，')}）`}
          。变更记入办理过程并通知申请人。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="case-delivery" requiredMark>
          <Form.Item name="method" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Radio.Group aria-label="送达方式" optionType="button" options={optionsOf(deliveryMethodLabels)} />
          </Form.Item>
          {method === 'post' && (
            <>
              <Form.Item name="mailRecipient" label="收件人" rules={[{ required: true, whitespace: true, message: '请填写收件人' }]}>
                <Input maxLength={30} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="mailPhone"
                label="收件人电话"
                rules={[{ required: true, message: '请填写收件人电话' }, { pattern: /^1\d{10}$/, message: '手机号码应为11位数字' }]}
                extra={current.phoneMasked ? `原号码 ${current.phoneMasked}，如不变也请重新填写` : undefined}
              >
                <Input maxLength={11} inputMode="numeric" autoComplete="off" />
              </Form.Item>
              <Form.Item name="mailRegion" label="收件地行政区划">
                <Cascader aria-label="收件地行政区划" options={regionOptions} changeOnSelect showSearch placeholder="请选择（可选）" />
              </Form.Item>
              <Form.Item
                name="mailAddress"
                label="详细地址"
                rules={[{ required: true, whitespace: true, message: '请填写详细地址' }, { min: 5, message: '详细地址不少于5个字' }]}
              >
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Form.Item name="reason" label="变更原因" rules={[{ required: true, whitespace: true, message: '请填写变更原因' }]} extra="Enter 确认，Shift+Enter 换行">
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={error} />}
      </DialogKeyboard>
    </Modal>
  );
}
