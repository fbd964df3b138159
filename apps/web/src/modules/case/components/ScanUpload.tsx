import { useState } from 'react';
import { Button, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { notifyError } from '../../../app/form-errors';
import { downloadFile, uploadMaterial } from '../api';
import type { ScanFile } from './case-actions';

/** What the files centre takes for a scan. */
const ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.tif,.tiff';

/**
 * One scan uploaded at the window (a signed promise, a material handed in): uploads to the files
 * centre, then shows the file name (click to save it) and a remove button. A form control holding a {@link ScanFile}.
 */
export function ScanUpload({ value, onChange, label, purpose }: { value?: ScanFile | null; onChange?: (f: ScanFile | null) => void; label: string; purpose: string }) {
  const [busy, setBusy] = useState(false);
  if (value) {
    return (
      <Space size={4}>
        <Typography.Link ellipsis style={{ maxWidth: 220 }} title={value.fileName} onClick={() => void downloadFile(value.id, value.fileName).catch(notifyError)}>
          <PaperClipOutlined /> {value.fileName}
        </Typography.Link>
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`移除${label}`} onClick={() => onChange?.(null)} />
      </Space>
    );
  }
  return (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      disabled={busy}
      beforeUpload={(file) => {
        setBusy(true);
        uploadMaterial(file, purpose)
          .then((f) => onChange?.({ id: f.id, fileName: f.fileName }))
          .catch(notifyError)
          .finally(() => setBusy(false));
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy} aria-label={`上传${label}`}>
        上传扫描件
      </Button>
    </Upload>
  );
}
