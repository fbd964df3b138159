import { Tag } from 'antd';
import type { FormDefinitionSummary } from '@jsga/contracts';

type Status = FormDefinitionSummary['status'];

export const formStatusLabels: Record<Status, string> = { draft: '草稿', published: '已发布', retired: '已停用' };
const colors: Record<Status, string> = { draft: 'orange', published: 'green', retired: 'default' };

export function FormStatusTag({ status }: { status: Status }) {
  return <Tag color={colors[status]}>{formStatusLabels[status]}</Tag>;
}
