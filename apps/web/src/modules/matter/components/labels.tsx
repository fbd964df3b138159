import { Tag } from 'antd';
import { matterVersionStatusLabels, type MatterVersionStatus } from '@jsga/contracts';

const statusColors: Record<MatterVersionStatus, string> = { draft: 'default', in_review: 'processing', published: 'success', retired: 'warning' };

export function VersionStatusTag({ status }: { status: MatterVersionStatus }) {
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {matterVersionStatusLabels[status]}
    </Tag>
  );
}

/** `{ value: label }` → antd Select options, in the label map's order. */
export const optionsOf = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** `{ value: label }` → ProTable valueEnum. */
export const valueEnumOf = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries((Object.keys(labels) as K[]).map((k) => [k, { text: labels[k] }]));

/** Several enum values as their labels joined with 、 (or '-'). */
export const labelList = <K extends string>(labels: Record<K, string>, values: readonly K[] | null | undefined) =>
  values && values.length > 0 ? values.map((v) => labels[v] ?? v).join('、') : '-';

export const formatFen = (fen: number) => (fen === 0 ? '不收费' : `${(fen / 100).toFixed(2)} 元`);

export const formatDays = (days: number | null) => (days === null ? '-' : `${days} 个工作日`);
