import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { caseActionLabels, caseStatusLabels, slaStatusLabels, type CaseStatus, type SlaStatus } from '@jsga/contracts';

/** Colour per case status: in progress blue, waiting for the applicant orange, refused red, done green, closed grey. */
export const caseStatusColors: Record<CaseStatus, string> = {
  submitted: 'blue',
  pre_review: 'processing',
  supplement: 'orange',
  tolerated: 'cyan',
  returned: 'volcano',
  accepted: 'geekblue',
  not_accepted: 'red',
  approving: 'processing',
  special_procedure: 'purple',
  concluded: 'success',
  withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag color={caseStatusColors[status]} style={{ marginInlineEnd: 0 }}>
      {caseStatusLabels[status] ?? status}
    </Tag>
  );
}

/** 预警 orange, 超期 red, 暂停 grey; the running clock green; no clock (not accepted yet) shows nothing. */
const slaColors: Record<SlaStatus, string | undefined> = {
  none: undefined,
  running: 'green',
  warning: 'orange',
  overdue: 'red',
  paused: 'default',
  stopped: undefined,
};

export function SlaTag({ status, deadline }: { status: SlaStatus; deadline?: string | null }) {
  if (status === 'none') return <Typography.Text type="secondary">{slaStatusLabels.none}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Tag color={slaColors[status]} style={{ marginInlineEnd: 0 }}>
        {slaStatusLabels[status] ?? status}
      </Tag>
      {deadline && (
        <Typography.Text type={status === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          截止 {deadline}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Whole days from today to a YYYY-MM-DD deadline (negative when past). */
export function daysUntil(deadline: string, today = dayjs()): number {
  return dayjs(deadline).startOf('day').diff(today.startOf('day'), 'day');
}

/** The history names actions beyond CaseAction (申报, 流程迁移, 退回); unknown ones show as recorded. */
export const actionLabel = (action: string) => (caseActionLabels as Record<string, string>)[action] ?? action;

/** `{ value: label }` → antd Select options, in the label map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** `{ value: label }` → ProTable valueEnum. */
export const valueEnumOf = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries((Object.keys(labels) as K[]).map((k) => [k, { text: labels[k] }]));

export const materialStatusLabels = { provided: '已提交', tolerated_missing: '容缺待补', supplemented: '已补齐' } as const;
export const materialStatusColors = { provided: 'success', tolerated_missing: 'warning', supplemented: 'blue' } as const;
export const deliveryMethodLabels = { window: '窗口领取', post: '邮寄送达' } as const;
export const pauseKindLabels = { supplement: '补件', special_procedure: '特别程序' } as const;

/** Kinds of records other modules link to a case. */
export const linkKindLabels: Record<string, string> = {
  notice: '文书',
  document: '文书',
  certificate: '证照',
  payment: '缴费',
  delivery: '送达',
  evaluation: '评价',
  archive: '归档',
  message: '通知',
  tolerance_promise: '承诺书',
};

/** A digest shortened for the table (the full value is copied). */
export const shortDigest = (hex: string) => (hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex);
