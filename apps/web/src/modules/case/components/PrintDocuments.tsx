import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Dropdown } from 'antd';
import { DownOutlined, FileTextOutlined } from '@ant-design/icons';
import type { CaseView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { FilePreviewModal } from '../../../app/FilePreviewModal';
import { caseApi } from '../api';

/**
 * 打印文书: the documents the matter binds (户口迁移审批表, 准予迁入证明 …), filled by the server from the
 * case; the PDF opens in the page for the browser's viewer to print. Nothing shows for a matter without any.
 */
export function PrintDocumentsButton({ view }: { view: Pick<CaseView, 'id' | 'caseNo'> }) {
  const docs = useQuery({ queryKey: ['case', 'documents', view.id], queryFn: () => caseApi.documents(view.id), staleTime: 60_000, retry: false });
  const [open, setOpen] = useState<{ title: string; file: Blob } | null>(null);
  const [busy, setBusy] = useState(false);
  const items = docs.data?.items ?? [];
  if (!items.length) return null;
  const print = async (key: string, title: string) => {
    setBusy(true);
    try {
      setOpen({ title, file: await caseApi.documentPdf(view.id, key) });
    } catch (e) {
      feedback.message.error(e instanceof Error && e.message ? e.message : `${title}生成失败，请稍后重试`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Dropdown menu={{ items: items.map((d) => ({ key: d.key, label: d.title, onClick: () => void print(d.key, d.title) })) }} trigger={['click']}>
        <Button icon={<FileTextOutlined />} loading={busy}>
          打印文书 <DownOutlined />
        </Button>
      </Dropdown>
      <FilePreviewModal file={open?.file ?? null} title={open?.title ?? ''} fileName={`${open?.title ?? '文书'}-${view.caseNo}.pdf`} onClose={() => setOpen(null)} />
    </>
  );
}
