import { Tag } from 'antd';
import type { PrintTemplateStatus } from '@jsga/contracts';

export const printStatusLabels: Record<PrintTemplateStatus, string> = { draft: '草稿', published: '已发布', retired: '已停用' };
const colors: Record<PrintTemplateStatus, string> = { draft: 'orange', published: 'green', retired: 'default' };

export function PrintStatusTag({ status }: { status: PrintTemplateStatus }) {
  return <Tag color={colors[status]}>{printStatusLabels[status]}</Tag>;
}
