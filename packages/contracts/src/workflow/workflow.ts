import { z } from 'zod';
import { ListQuery } from '../common';

export const WorkflowDefinitionView = z.object({
  id: z.uuid(),
  key: z.string(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type WorkflowDefinitionView = z.infer<typeof WorkflowDefinitionView>;

export const WorkflowDefinitionDetail = WorkflowDefinitionView.extend({ bpmnXml: z.string() });
export type WorkflowDefinitionDetail = z.infer<typeof WorkflowDefinitionDetail>;

export const WorkflowDefinitionListQuery = ListQuery.extend({ status: z.enum(['draft', 'published', 'retired']).optional() });
export type WorkflowDefinitionListQuery = z.infer<typeof WorkflowDefinitionListQuery>;

export const DeployWorkflowBody = z.object({
  key: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,63}$/, '流程标识须为小写字母开头的2-64位字母、数字、下划线或短横线'),
  xml: z.string().min(50, 'BPMN 内容过短').max(2_000_000, 'BPMN 内容过大'),
});
export type DeployWorkflowBody = z.infer<typeof DeployWorkflowBody>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const CalendarDay = z.object({ date: IsoDate, kind: z.enum(['holiday', 'workday']), note: z.string().max(50).default('') });
export type CalendarDay = z.infer<typeof CalendarDay>;
export const CalendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const SaveCalendarBody = z.object({ year: z.number().int().min(2000).max(2100), days: z.array(CalendarDay).max(366) });
export type SaveCalendarBody = z.infer<typeof SaveCalendarBody>;
