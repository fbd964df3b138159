import { describe, expect, it } from 'vitest';
import { AddSignBody, CompleteTaskBody, RemindTaskBody, ReturnTaskBody, WorkflowDoneTaskQuery, WorkflowTaskAction } from './workflow';

const uuid = '00000000-0000-4000-8000-000000000001';
const message = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;

describe('workflow task contracts', () => {
  it('explain in Chinese what is missing', () => {
    expect(message(AddSignBody.safeParse({ userIds: [], position: 'before' }))).toBe('请至少选择一人');
    expect(message(ReturnTaskBody.safeParse({ targetNodeId: 'accept', opinion: '  ' }))).toBe('请填写退回理由');
    expect(message(CompleteTaskBody.safeParse({ outcome: 'approve', opinion: 'x'.repeat(2001) }))).toBe('意见不能超过 2000 字');
    expect(message(WorkflowDoneTaskQuery.safeParse({ from: '2026-02-01', to: '2026-01-31' }))).toBe('开始日期不能晚于结束日期');
    expect(message(WorkflowDoneTaskQuery.safeParse({ from: '2026/02/01' }))).toBe('日期格式应为 YYYY-MM-DD');
  });

  it('accept the bodies the web sends', () => {
    expect(AddSignBody.parse({ userIds: [uuid], position: 'after' })).toEqual({ userIds: [uuid], position: 'after' });
    expect(RemindTaskBody.parse(undefined)).toEqual({});
    expect(WorkflowDoneTaskQuery.parse({ page: '2', keyword: ' SL-1 ', from: '2026-01-31', to: '2026-01-31' })).toEqual({ page: 2, pageSize: 20, keyword: 'SL-1', from: '2026-01-31', to: '2026-01-31' });
    expect(WorkflowTaskAction.options).toContain('remove-sign');
  });
});
