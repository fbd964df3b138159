import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { Modal, Typography } from 'antd';

/**
 * A PDF or scan the page fetched itself, shown in an iframe through an object URL that is freed when
 * the modal closes (the CSP allows blob: frames for this). The browser's PDF viewer prints it; a link saves it.
 */
export function FilePreviewModal({ file, title, fileName, note, onClose }: {
  /** The file; null closes the modal. */
  file: Blob | null;
  title: string;
  fileName: string;
  /** A line above the preview, before the download link. */
  note?: ReactNode;
  onClose: () => void;
}) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return;
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [file]);

  return (
    <Modal open={!!file} title={title} onCancel={onClose} footer={null} width="min(1000px, 96vw)" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {note ?? '用预览中的打印按钮打印'}{url && <>，或 <a href={url} download={fileName}>下载</a></>}
      </Typography.Paragraph>
      {url && <iframe title={title} src={url} style={{ width: '100%', height: '72vh', border: '1px solid #f0f0f0' }} />}
    </Modal>
  );
}
