import { useState } from 'react';
import { Alert, Button, Card, List, Radio, Space, Tag, Typography, Upload } from 'antd';
import { CloudServerOutlined, EyeOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import type { ApplicantLicence, DeclarationMaterial, MatterMaterial } from '@jsga/contracts';
import { fetchWithToken, isApiError } from '../../../app/request';
import { declarationApi } from '../api';

/** Files above this are refused before uploading (the server checks again, with its own limit). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.ofd';

/** Opens an uploaded file of the applicant's in a new tab (their token, so not a plain link). */
export async function previewFile(url: string) {
  const res = await fetchWithToken(url, {}, '预览失败');
  const blob = await res.blob();
  window.open(URL.createObjectURL(blob), '_blank', 'noopener');
}

type Props = {
  materials: MatterMaterial[];
  value: DeclarationMaterial[];
  onChange: (next: DeclarationMaterial[]) => void;
  licences: ApplicantLicence[];
  /** Codes the server said are missing or refused, highlighted. */
  problems?: Record<string, string>;
  title?: string;
};

/**
 * 提交材料: shared data needs nothing; a material an in-force e-licence can stand for is offered as
 * 免证办 (chosen by default); the rest are uploaded, with a preview.
 */
export function MaterialsCard({ materials, value, onChange, licences, problems = {}, title = '申请材料' }: Props) {
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<Record<string, string>>({});
  const byCode = new Map(value.map((m) => [m.materialCode, m]));
  const set = (code: string, m: DeclarationMaterial | null) => onChange([...value.filter((x) => x.materialCode !== code), ...(m ? [m] : [])]);

  const upload = async (m: MatterMaterial, file: File) => {
    setUploadError((e) => ({ ...e, [m.code]: '' }));
    if (file.size > MAX_UPLOAD_BYTES) {
      setUploadError((e) => ({ ...e, [m.code]: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请压缩后再上传` }));
      return;
    }
    setUploading(m.code);
    try {
      const f = await declarationApi.upload(file);
      set(m.code, { materialCode: m.code, fileId: f.id, label: f.fileName });
    } catch (e) {
      setUploadError((x) => ({ ...x, [m.code]: isApiError(e) ? e.message : '上传失败，请重试' }));
    } finally {
      setUploading(null);
    }
  };

  return (
    <Card title={title}>
      <List
        dataSource={materials}
        renderItem={(m) => {
          const chosen = byCode.get(m.code);
          const licence = m.elicenseType ? licences.find((l) => l.typeCode === m.elicenseType) : undefined;
          const problem = problems[m.code] || uploadError[m.code];
          return (
            <List.Item key={m.code} aria-label={`材料：${m.name}`}>
              <Space direction="vertical" style={{ width: '100%' }} size={6}>
                <Space wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  {m.required ? <Tag color="red">必交</Tag> : <Tag>非必交</Tag>}
                  {m.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.note}</Typography.Text>}
                </Space>
                {m.source === 'shared_data' ? (
                  <Tag icon={<CloudServerOutlined />} color="blue">系统通过共享数据自动获取，无需提交</Tag>
                ) : (
                  <>
                    {licence && (
                      <Radio.Group
                        value={chosen?.licenceId ? 'licence' : 'upload'}
                        onChange={(e) => set(m.code, e.target.value === 'licence' ? { materialCode: m.code, licenceId: licence.id, label: `电子证照·${licence.typeName}` } : null)}
                      >
                        <Radio value="licence"><SafetyCertificateOutlined style={{ color: '#16a34a' }} /> 使用电子证照（{licence.typeName} {licence.licenceNoMasked}）</Radio>
                        <Radio value="upload">上传文件</Radio>
                      </Radio.Group>
                    )}
                    {chosen?.licenceId ? (
                      <Tag color="green" icon={<SafetyCertificateOutlined />}>免提交：已关联电子证照</Tag>
                    ) : (
                      <Space wrap>
                        <Upload accept={ACCEPT} showUploadList={false} beforeUpload={(file) => { void upload(m, file); return false; }}>
                          <Button icon={<UploadOutlined />} loading={uploading === m.code} aria-label={`上传${m.name}`}>{chosen?.fileId ? '重新上传' : '上传'}</Button>
                        </Upload>
                        {chosen?.fileId && (
                          <>
                            <Typography.Text>{chosen.label}</Typography.Text>
                            <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => void previewFile(`/api/citizen/files/${chosen.fileId}/content`)}>预览</Button>
                            <Button type="link" size="small" danger onClick={() => set(m.code, null)}>删除</Button>
                          </>
                        )}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>PDF、JPG、PNG、OFD，不超过 20 MB</Typography.Text>
                      </Space>
                    )}
                  </>
                )}
                {problem && <Alert type="error" showIcon message={problem} role="alert" />}
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
