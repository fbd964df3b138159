import { useState } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { CaseView } from '@jsga/contracts';
import { feedback } from '../../../app/feedback';
import { caseApi } from '../api';
import { FilePreviewModal } from '../../../app/FilePreviewModal';

/**
 * 打印申请表: the server fills the published 申请表 template with the case's form and materials; the PDF
 * opens in the page for the browser's viewer to print, for the applicant to check and sign.
 */
export function PrintApplicationFormButton({ view }: { view: Pick<CaseView, 'id' | 'caseNo'> }) {
  const [pdf, setPdf] = useState<Blob | null>(null);
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    try {
      setPdf(await caseApi.applicationFormPdf(view.id));
    } catch (e) {
      feedback.message.error(e instanceof Error && e.message ? e.message : '申请表生成失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print()}>
        打印申请表
      </Button>
      <FilePreviewModal file={pdf} title="申请表" fileName={`申请表-${view.caseNo}.pdf`} onClose={() => setPdf(null)} />
    </>
  );
}
