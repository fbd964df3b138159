import { describe, expect, it } from 'vitest';
import { allowedActions, applyTransition } from './case-state.rules';

describe('case state machine', () => {
  it('acceptance starts the SLA clock once; conclusion stops it', () => {
    expect(applyTransition({ status: 'pre_review', resumeStatus: null }, 'accept')).toMatchObject({ ok: true, to: 'accepted', startsClock: true });
    expect(applyTransition({ status: 'tolerated', resumeStatus: null }, 'tolerated_completed')).toMatchObject({ ok: true, to: 'accepted', startsClock: false });
    expect(applyTransition({ status: 'approving', resumeStatus: null }, 'conclude')).toMatchObject({ ok: true, to: 'concluded', stopsClock: true });
  });

  it('补件 after acceptance pauses the clock and returns to where it was; before acceptance it does not pause', () => {
    const sup = applyTransition({ status: 'approving', resumeStatus: null }, 'request_supplement', '缺少户口簿');
    expect(sup).toMatchObject({ ok: true, to: 'supplement', resumeStatus: 'approving', pause: 'supplement' });
    expect(applyTransition({ status: 'supplement', resumeStatus: 'approving' }, 'supplement_received')).toMatchObject({ ok: true, to: 'approving', endPause: true });
    const early = applyTransition({ status: 'pre_review', resumeStatus: null }, 'request_supplement', '照片不清晰');
    expect(early).toMatchObject({ ok: true, to: 'supplement', resumeStatus: 'pre_review' });
    expect(early.ok && early.pause).toBeUndefined();
    expect(applyTransition({ status: 'supplement', resumeStatus: 'pre_review' }, 'supplement_received')).toMatchObject({ ok: true, to: 'pre_review', endPause: false });
  });

  it('returning, refusing and withdrawing need a reason; terminal cases allow nothing', () => {
    expect(applyTransition({ status: 'submitted', resumeStatus: null }, 'not_accept')).toEqual({ ok: false, problem: 'reason_required' });
    expect(applyTransition({ status: 'submitted', resumeStatus: null }, 'withdraw', ' ')).toEqual({ ok: false, problem: 'reason_required' });
    expect(applyTransition({ status: 'concluded', resumeStatus: null }, 'withdraw', '申请人撤回')).toEqual({ ok: false, problem: 'not_allowed' });
    expect(allowedActions('concluded', null)).toEqual([]);
    expect(allowedActions('returned', null)).toEqual([]);
  });

  it('a tolerated case cannot be concluded until the missing materials arrive', () => {
    expect(applyTransition({ status: 'tolerated', resumeStatus: null }, 'conclude')).toEqual({ ok: false, problem: 'not_allowed' });
    expect(allowedActions('tolerated', null)).toContain('tolerated_completed');
  });

  it('lists what the window may do with a new application', () => {
    expect(allowedActions('submitted', null)).toEqual(['pre_review', 'request_supplement', 'return', 'accept', 'accept_tolerated', 'not_accept', 'withdraw']);
  });
});
