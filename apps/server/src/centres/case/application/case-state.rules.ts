import type { CaseAction, CaseStatus } from '@jsga/contracts';

/**
 * The case state machine as data. `to: 'resume'` returns to the status a 补件 or 特别程序 interrupted.
 * Acceptance starts the SLA clock; 补件 after acceptance and 特别程序 pause it.
 */
type Transition = { from: readonly CaseStatus[]; to: CaseStatus | 'resume'; reason?: boolean };
const beforeAcceptance = ['submitted', 'pre_review'] as const;
const handling = ['accepted', 'tolerated', 'approving'] as const;

export const transitions: Record<CaseAction, Transition> = {
  pre_review: { from: ['submitted'], to: 'pre_review' },
  request_supplement: { from: [...beforeAcceptance, ...handling], to: 'supplement', reason: true },
  supplement_received: { from: ['supplement'], to: 'resume' },
  return: { from: [...beforeAcceptance, 'supplement'], to: 'returned', reason: true },
  accept: { from: beforeAcceptance, to: 'accepted' },
  accept_tolerated: { from: beforeAcceptance, to: 'tolerated' },
  tolerated_completed: { from: ['tolerated'], to: 'accepted' },
  // from 容缺受理 too: when the promised materials are overdue (the service checks the date)
  not_accept: { from: [...beforeAcceptance, 'tolerated'], to: 'not_accepted', reason: true },
  approve_step: { from: handling, to: 'approving' },
  start_special: { from: handling, to: 'special_procedure', reason: true },
  end_special: { from: ['special_procedure'], to: 'resume' },
  conclude: { from: ['accepted', 'approving'], to: 'concluded' },
  withdraw: { from: [...beforeAcceptance, 'supplement', ...handling, 'special_procedure'], to: 'withdrawn', reason: true },
};

export const terminalStatuses: readonly CaseStatus[] = ['returned', 'not_accepted', 'concluded', 'withdrawn'];
export const isTerminal = (s: CaseStatus) => terminalStatuses.includes(s);
const accepted: readonly CaseStatus[] = ['accepted', 'tolerated', 'approving', 'special_procedure'];

export type TransitionResult =
  | { ok: true; to: CaseStatus; resumeStatus: CaseStatus | null; pause?: 'supplement' | 'special_procedure'; endPause?: boolean; startsClock: boolean; stopsClock: boolean }
  | { ok: false; problem: 'not_allowed' | 'reason_required' | 'no_resume' };

/** Where `action` takes a case in `status`; pure, so the UI's allowed actions and the server agree. */
export function applyTransition(state: { status: CaseStatus; resumeStatus: CaseStatus | null }, action: CaseAction, opinion?: string): TransitionResult {
  const t = transitions[action];
  if (!t.from.includes(state.status)) return { ok: false, problem: 'not_allowed' };
  if (t.reason && !opinion?.trim()) return { ok: false, problem: 'reason_required' };
  if (t.to === 'resume') {
    if (!state.resumeStatus) return { ok: false, problem: 'no_resume' };
    return { ok: true, to: state.resumeStatus, resumeStatus: null, endPause: accepted.includes(state.resumeStatus), startsClock: false, stopsClock: false };
  }
  const interrupts = t.to === 'supplement' || t.to === 'special_procedure';
  const pause = interrupts && accepted.includes(state.status) ? (t.to as 'supplement' | 'special_procedure') : undefined;
  return {
    ok: true,
    to: t.to,
    resumeStatus: interrupts ? state.status : null,
    ...(pause ? { pause } : {}),
    startsClock: (t.to === 'accepted' || t.to === 'tolerated') && !accepted.includes(state.status),
    stopsClock: isTerminal(t.to),
  };
}

export const allowedActions = (status: CaseStatus, resumeStatus: CaseStatus | null): CaseAction[] =>
  (Object.keys(transitions) as CaseAction[]).filter((a) => {
    const t = transitions[a];
    return t.from.includes(status) && (t.to !== 'resume' || !!resumeStatus);
  });
