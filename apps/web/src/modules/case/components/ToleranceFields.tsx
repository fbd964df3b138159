import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, List, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseTolerance, CaseView } from '@jsga/contracts';
import { isApiError } from '../../../app/request';
import { caseApi } from '../api';
import { errorFieldOf, toleranceRange, type ActionForm, type ScanFile } from './case-actions';
import { FilePreviewModal } from '../../../app/FilePreviewModal';
import { ScanUpload } from './ScanUpload';

type ToleranceMaterial = CaseTolerance['materials'][number];

/** 补交期限: a date after today and at most `limitDays` days on (the server checks the same). */
export function ToleranceDeadlineField({ today, limitDays }: { today: string; limitDays: number }) {
  const { first, last } = toleranceRange(today, limitDays);
  return (
    <Form.Item
      name="toleranceDeadline"
      label="补交期限"
      rules={[
        { required: true, message: '请选择补交期限' },
        {
          validator: async (_, v?: string) => {
            if (v && (v < first || v > last)) throw new Error(`补交期限须在 ${first} 至 ${last} 之间`);
          },
        },
      ]}
      getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })}
      normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
      extra={`申请人承诺在此日期前补交暂缺的材料；最长 ${limitDays} 天（至 ${last}）`}
    >
      <DatePicker
        aria-label="补交期限"
        allowClear={false}
        disabledDate={(d) => {
          const s = d.format('YYYY-MM-DD');
          return s < first || s > last;
        }}
        style={{ width: 200 }}
      />
    </Form.Item>
  );
}

/** The print button and the signed scan, as one form control (the scan is the field's value). */
function PromiseControl({ value, onChange, onPrint, printing }: { value?: ScanFile | null; onChange?: (f: ScanFile | null) => void; onPrint: () => void; printing: boolean }) {
  return (
    <Space wrap>
      <Button size="small" icon={<PrinterOutlined />} loading={printing} onClick={onPrint}>
        打印承诺书
      </Button>
      <ScanUpload value={value} onChange={onChange} label="签字的承诺书" purpose="tolerance_promise" />
    </Space>
  );
}

/**
 * 容缺受理承诺书. At the window: print the promise (the chosen materials and date), have the applicant
 * sign it, upload the scan (required). Online applications: the applicant signs it online afterwards.
 */
export function PromiseField({ view, onPaper }: { view: CaseView; onPaper: boolean }) {
  const form = Form.useFormInstance<ActionForm>();
  const [printing, setPrinting] = useState(false);
  const [pdf, setPdf] = useState<Blob | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (!onPaper) {
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} message="网上申报的办件由申请人登录后在线签署容缺受理承诺书，无需上传纸质承诺书" />;
  }

  const print = async () => {
    setProblem(null);
    const values = await form.validateFields(['missingMaterials', 'toleranceDeadline']).catch(() => null);
    if (!values?.missingMaterials?.length || !values.toleranceDeadline) return;
    setPrinting(true);
    try {
      setPdf(await caseApi.promisePreview(view.id, { missingMaterials: values.missingMaterials, toleranceDeadline: values.toleranceDeadline }));
    } catch (e) {
      const field = isApiError(e) ? errorFieldOf(e) : undefined;
      if (field === 'missingMaterials' || field === 'toleranceDeadline') form.setFields([{ name: field, errors: [(e as Error).message] }]);
      else setProblem(e instanceof Error && e.message ? e.message : '承诺书生成失败，请稍后重试');
    } finally {
      setPrinting(false);
    }
  };

  return (
    <>
      <Form.Item
        name="promiseFile"
        label="申请人签字的容缺受理承诺书"
        rules={[{ required: true, message: '请上传申请人签字的容缺受理承诺书' }]}
        extra={problem ? <Typography.Text type="danger">{problem}</Typography.Text> : '打印承诺书，请申请人当面阅读并签字，再上传签字后的扫描件'}
      >
        <PromiseControl onPrint={() => void print()} printing={printing} />
      </Form.Item>
      <FilePreviewModal file={pdf} title="容缺受理承诺书" fileName={`容缺受理承诺书-${view.caseNo}.pdf`} onClose={() => setPdf(null)} />
    </>
  );
}

/** The tolerated materials of a case: the server's list, else (cases accepted before deadlines existed) the rows still missing. */
export const toleratedMaterialsOf = (view: Pick<CaseView, 'tolerance' | 'materials'>): ToleranceMaterial[] =>
  view.tolerance?.materials ??
  view.materials.filter((m) => m.status === 'tolerated_missing').map((m) => ({ code: m.materialCode, name: m.name, supplied: false }));

/** 已补交 / 待补交. */
export function SuppliedTag({ supplied }: { supplied: boolean }) {
  return supplied ? <Tag color="success" style={{ marginInlineEnd: 0 }}>已补交</Tag> : <Tag color="warning" style={{ marginInlineEnd: 0 }}>待补交</Tag>;
}

/** 容缺材料补齐: each tolerated material with its state; a scan may be uploaded for each one still missing. */
export function ToleratedScansField({ materials, value, onChange }: {
  materials: ToleranceMaterial[];
  value?: Record<string, ScanFile | null | undefined>;
  onChange?: (v: Record<string, ScanFile | null | undefined>) => void;
}) {
  if (materials.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有登记暂缺的材料" />;
  return (
    <List
      size="small"
      bordered
      aria-label="容缺材料"
      dataSource={materials}
      renderItem={(m) => (
        <List.Item
          key={m.code}
          aria-label={`容缺材料：${m.name}`}
          actions={m.supplied ? [] : [
            <ScanUpload key="scan" value={value?.[m.code]} onChange={(f) => onChange?.({ ...value, [m.code]: f })} label={`${m.name}扫描件`} purpose="material" />,
          ]}
        >
          <Space size={6} wrap>
            {m.name}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.code}</Typography.Text>
            <SuppliedTag supplied={m.supplied} />
          </Space>
        </List.Item>
      )}
    />
  );
}
