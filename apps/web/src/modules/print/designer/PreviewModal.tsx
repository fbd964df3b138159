import { useEffect, useState } from 'react';
import { Modal, Typography } from 'antd';

type Props = {
  /** The preview PDF; null closes the modal (and frees its object URL). */
  pdf: Blob | null;
  title: string;
  fileName: string;
  onClose: () => void;
};

/** 预览: the server's PDF in an iframe, through an object URL that is revoked when the modal closes. */
export function PreviewModal({ pdf, title, fileName, onClose }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pdf) return;
    const u = URL.createObjectURL(pdf);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [pdf]);

  return (
    <Modal open={!!pdf} title={title} onCancel={onClose} footer={null} width="min(1000px, 96vw)" destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        按类别的样例数据生成。{url && <a href={url} download={fileName}>下载 PDF</a>}
      </Typography.Paragraph>
      {url && <iframe title="PDF 预览" src={url} style={{ width: '100%', height: '72vh', border: '1px solid #f0f0f0' }} />}
    </Modal>
  );
}
