import { describe, expect, it } from 'vitest';
import { allowedActions, mayWithdraw, type Caller, type TaskFacts } from './task-actions.rules';

const me: Caller = { userId: 'me', orgId: 'org1', roleCodes: ['window_officer'], involved: false };
const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  status: 'open', assigneeId: 'me', ownerId: null, candidateRole: 'window_officer', candidateOrgId: 'org1', completedBy: null, blocked: false, signKind: null,
  instanceRunning: true, suspended: false, hasReturnTargets: true, removableSigners: 0, withdrawable: false, ...over,
});

describe('what an officer may do to a task', () => {
  it('the assignee may do everything the task allows; an unclaimed candidate may also claim', () => {
    expect(allowedActions(task(), me)).toEqual(['complete', 'approve', 'reject', 'return', 'transfer', 'delegate', 'add-sign', 'cc']);
    expect(allowedActions(task({ assigneeId: null }), me)[0]).toBe('claim');
    expect(allowedActions(task({ assigneeId: null, candidateOrgId: 'org2' }), me)).toEqual([]);
  });

  it('a delegate may only hand back; the owner may only remind', () => {
    expect(allowedActions(task({ ownerId: 'boss' }), me)).toEqual(['resolve']);
    expect(allowedActions(task({ ownerId: 'me', assigneeId: 'helper' }), me)).toEqual(['remind']);
  });

  it('a 前加签 host waits; an added signer neither returns, delegates nor adds signers', () => {
    expect(allowedActions(task({ blocked: true, removableSigners: 2 }), me)).toEqual(['transfer', 'delegate', 'remove-sign', 'cc']);
    expect(allowedActions(task({ signKind: 'before' }), me)).toEqual(['complete', 'approve', 'reject', 'transfer', 'cc']);
  });

  it('after completing: withdraw while possible; others involved may remind; nothing on a suspended or ended instance', () => {
    expect(allowedActions(task({ status: 'completed', completedBy: 'me', withdrawable: true }), me)).toEqual(['withdraw', 'cc']);
    expect(allowedActions(task({ assigneeId: 'other' }), { ...me, involved: true })).toEqual(['remind']);
    expect(allowedActions(task({ assigneeId: 'other' }), me)).toEqual([]);
    expect(allowedActions(task({ suspended: true }), me)).toEqual([]);
    expect(allowedActions(task({ instanceRunning: false }), me)).toEqual([]);
  });

  it('撤回 only by whoever completed the task, while the engine can undo it and the instance runs unsuspended (also drives 已办)', () => {
    const completed = task({ status: 'completed', completedBy: 'me', withdrawable: true });
    expect(mayWithdraw(completed, 'me')).toBe(true);
    expect(mayWithdraw(completed, 'other')).toBe(false);
    expect(mayWithdraw({ ...completed, withdrawable: false }, 'me')).toBe(false);
    expect(mayWithdraw({ ...completed, suspended: true }, 'me')).toBe(false);
    expect(mayWithdraw({ ...completed, instanceRunning: false }, 'me')).toBe(false);
    expect(mayWithdraw({ ...completed, status: 'open' }, 'me')).toBe(false);
  });
});
