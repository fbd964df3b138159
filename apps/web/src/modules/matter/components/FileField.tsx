import { useState } from 'react';
import { Button, Space, Tooltip, Typography, Upload } from 'antd';
import { CloseOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { feedback } from '../../../app/feedback';
import { notifyError } from '../../../app/form-errors';
import { downloadFile, isFileId, uploadFile, useFileMeta, type UploadedFile } from '../api';

/** What the files centre accepts (its upload policy): PDF, OFD, images, OOXML Office documents. */
const ACCEPT = '.pdf,.ofd,.png,.jpg,.jpeg,.gif,.bmp,.tif,.tiff,.webp,.docx,.xlsx,.pptx';

/**
 * A form control holding one uploaded file's id (空白表格 / 示例样表): uploads to `POST /api/files/`,
 * shows the file name, downloads it, clears it. Ids that are not file ids (imported placeholders) are shown as they are.
 */
export function FileField({ value, onChange, purpose, label, disabled }: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  purpose: string;
  /** e.g. 空白表格, used in the button's accessible name */
  label: string;
  disabled?: boolean;
}) {
  const [uploading, setUploading] = useState(false);
  const [uploaded, setUploaded] = useState<UploadedFile | undefined>();
  const known = uploaded && uploaded.id === value ? uploaded : undefined;
  const meta = useFileMeta(value, known);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const f = await uploadFile(file, purpose);
      setUploaded(f);
      onChange?.(f.id);
      feedback.message.success(`已上传 ${f.fileName}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setUploading(false);
    }
  };

  if (!value) {
    return (
      <Upload
        accept={ACCEPT}
        showUploadList={false}
        disabled={disabled || uploading}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={uploading} disabled={disabled} aria-label={`上传${label}`}>
          上传
        </Button>
      </Upload>
    );
  }

  const name = meta.data?.fileName;
  return (
    <Space size={2} style={{ maxWidth: '100%' }}>
      {name ? (
        <Typography.Link ellipsis style={{ maxWidth: 110 }} title={name} onClick={() => void downloadFile(value, name).catch(notifyError)}>
          <PaperClipOutlined /> {name}
        </Typography.Link>
      ) : (
        <Tooltip title={isFileId(value) ? (meta.isError ? '文件不存在或无权查看' : '正在读取文件信息') : '外部文件标识'}>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 110, fontSize: 12 }}>
            {value}
          </Typography.Text>
        </Tooltip>
      )}
      {!disabled && <Button size="small" type="text" icon={<CloseOutlined />} aria-label={`移除${label}`} onClick={() => onChange?.(null)} />}
    </Space>
  );
}
