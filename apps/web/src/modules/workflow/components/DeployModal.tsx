import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DeployWorkflowBody, type WorkflowDefinitionView } from '@jsga/contracts';
import { zodRule } from '../../../app/form-errors';
import { FormKeyboard } from '../../../app/ui';
import { useDeploy } from '../api';
import { readFileText } from '../bpmn/bpmn-xml';
import { saveProblemsOf, type SaveProblems } from './save-problems';

/** 导入部署: a BPMN 2.0 file exported from another modeller becomes a new draft version of a key. */
export function DeployModal({ open, onClose, onDeployed }: { open: boolean; onClose: () => void; onDeployed: (v: WorkflowDefinitionView) => void }) {
  const [form] = Form.useForm<{ key: string }>();
  const [file, setFile] = useState<{ name: string; xml: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [problems, setProblems] = useState<SaveProblems | null>(null);
  const deploy = useDeploy();

  const reset = () => {
    form.resetFields();
    setFile(null);
    setFileError(null);
    setProblems(null);
  };

  const submit = async () => {
    const { key } = await form.validateFields();
    if (!file) {
      setFileError('请选择 BPMN 文件');
      return;
    }
    setProblems(null);
    try {
      const v = await deploy.mutateAsync({ key: key.trim(), xml: file.xml });
      onDeployed(v);
      reset();
    } catch (e) {
      setProblems(saveProblemsOf(e));
    }
  };
  const trySubmit = () => void submit().catch(() => undefined);

  return (
    <Modal
      open={open}
      title="导入部署 BPMN 流程"
      okText="部署为草稿"
      okButtonProps={{ loading: deploy.isPending }}
      onOk={trySubmit}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <FormKeyboard onSubmit={trySubmit}>
        <Form form={form} layout="vertical" name="deployWorkflow">
          <Form.Item
            name="key"
            label="流程标识"
            extra="已有的标识将生成新的草稿版本；新标识将新建流程"
            rules={[{ required: true, message: '请填写流程标识' }, zodRule(DeployWorkflowBody.shape.key)]}
          >
            <Input autoFocus placeholder="如 hukou-move" />
          </Form.Item>
          <Form.Item label="BPMN 文件" required validateStatus={fileError ? 'error' : undefined} help={fileError ?? undefined}>
            <Upload
              accept=".bpmn,.xml,application/xml,text/xml"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void readFileText(f).then(
                  (xml) => {
                    setFile({ name: f.name, xml });
                    setFileError(null);
                  },
                  () => setFileError('无法读取文件'),
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>选择文件（.bpmn / .xml）</Button>
            </Upload>
            {file && (
              <Typography.Text style={{ marginInlineStart: 8 }}>
                {file.name}（{Math.ceil(file.xml.length / 1024)} KB）
              </Typography.Text>
            )}
          </Form.Item>
        </Form>
      </FormKeyboard>
      {problems && (
        <Alert
          type="error"
          showIcon
          message={problems.message}
          description={
            problems.problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
    </Modal>
  );
}
