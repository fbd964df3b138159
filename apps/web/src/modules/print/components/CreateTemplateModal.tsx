import { Form, Input, Modal, Select } from 'antd';
import type { PrintTemplateKind, PrintTemplateView } from '@jsga/contracts';
import { showFormError } from '../../../app/form-errors';
import { FormKeyboard } from '../../../app/ui';
import { useCreatePrintTemplate, type PrintKindView } from '../api';
import { starterDefinition } from '../designer/model';

type Values = { key: string; title: string; kind: PrintTemplateKind };

/** 新建模板: key, name and kind; the content starts as an A4 page (GB/T 9704 margins) with a title and a paragraph. */
export function CreateTemplateModal({ open, kinds, onClose, onCreated }: { open: boolean; kinds: readonly PrintKindView[]; onClose: () => void; onCreated: (v: PrintTemplateView) => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePrintTemplate();

  const submit = async () => {
    const values = await form.validateFields();
    try {
      const title = values.title.trim();
      const created = await create.mutateAsync({ key: values.key, title, kind: values.kind, definition: starterDefinition(title) });
      form.resetFields();
      onCreated(created);
    } catch (e) {
      showFormError(form, e, { PRINT_KEY_TAKEN: 'key' });
    }
  };

  return (
    <Modal
      open={open}
      title="新建打印模板"
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <FormKeyboard onSubmit={() => void submit().catch(() => undefined)}>
        <Form form={form} name="print-template-create" layout="vertical" preserve={false} onFinish={() => void submit()}>
          <Form.Item
            name="key"
            label="模板标识"
            extra="业务模块按标识取用模板，创建后不能修改"
            rules={[
              { required: true, message: '请填写模板标识' },
              { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: '模板标识须以小写字母开头，只含小写字母、数字和下划线（2–64 位）' },
            ]}
          >
            <Input placeholder="如 pickup_notice" autoFocus />
          </Form.Item>
          <Form.Item name="title" label="模板名称" rules={[{ required: true, whitespace: true, message: '请填写模板名称' }, { max: 100, message: '最多 100 字' }]}>
            <Input placeholder="如 领取通知书" />
          </Form.Item>
          <Form.Item name="kind" label="类别" extra="类别决定模板可用的变量和数据列表" rules={[{ required: true, message: '请选择类别' }]}>
            <Select placeholder="选择类别" options={kinds.map((k) => ({ value: k.kind, label: k.name }))} />
          </Form.Item>
        </Form>
      </FormKeyboard>
    </Modal>
  );
}
