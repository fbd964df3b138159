import { describe, expect, it } from 'vitest';
import { AddSignBody, CompleteTaskBody, RemindTaskBody, ReturnTaskBody, WorkflowTaskAction } from './workflow';

const uuid = '00000000-0000-4000-8000-000000000001';
const message = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => r.error?.issues[0]?.message;

describe('workflow task contracts', () => {
  it('explain in Chinese what is missing', () => {
    expect(message(AddSignBody.safeParse({ userIds: [], position: 'before' }))).toBe('请至少选择一人');
    expect(message(ReturnTaskBody.safeParse({ targetNodeId: 'accept', opinion: '  ' }))).toBe('请填写退回理由');
    expect(message(CompleteTaskBody.safeParse({ outcome: 'approve', opinion: 'x'.repeat(2001) }))).toBe('意见不能超过 2000 字');
  });

  it('accept the bodies the web sends', () => {
    expect(AddSignBody.parse({ userIds: [uuid], position: 'after' })).toEqual({ userIds: [uuid], position: 'after' });
    expect(RemindTaskBody.parse(undefined)).toEqual({});
    expect(WorkflowTaskAction.options).toContain('remove-sign');
  });
});
