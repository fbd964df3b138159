import { useEffect, useState } from 'react';
import { Modal, Typography } from 'antd';

/**
 * A PDF or scan shown in the page: the blob in an iframe through an object URL, freed when the modal
 * closes. The browser's PDF viewer prints it; a link saves it.
 */
export function FilePreviewModal({ file, title, fileName, onClose }: { file: Blob | null; title: string; fileName: string; onClose: () => void }) {
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
    <Modal open={!!file} title={title} onCancel={onClose} footer={null} width="min(960px, 96vw)" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        用预览中的打印按钮打印{url && <>，或 <a href={url} download={fileName}>下载</a></>}
      </Typography.Paragraph>
      {url && <iframe title={title} src={url} style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }} />}
    </Modal>
  );
}
