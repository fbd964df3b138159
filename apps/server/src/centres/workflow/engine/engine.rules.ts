import { evaluate, evaluateBoolean } from '@jsga/form-engine';
import type { FlowNode, ProcessModel } from '../bpmn/process-model';

/**
 * The process engine as pure functions: instance state in, new state and effects out. The service
 * layer persists the state in the same transaction as the case and turns effects into rows (tasks,
 * timer jobs, handler calls), so a restart continues from the stored state.
 */
export type Token = { id: string; nodeId: string; scopeId: string | null; waiting: boolean };
export type TaskOutcome = 'approve' | 'reject';
export type Task = {
  id: string; nodeId: string; tokenId: string; assignee: string | null; status: 'open' | 'completed' | 'cancelled'; outcome?: TaskOutcome; miIndex?: number;
  /** 加签: the add-sign group this task was created for. */
  signId?: string;
  /** 前加签: this task waits until the group's tasks are all done. */
  blockedBy?: string;
};
export type MiState = { total: number; completed: number; approved: number; rejected: number; assignees: string[]; next: number };
/**
 * 加签 group. Before: the host task is blocked until every added task is done. After: created (active)
 * once the host approves; the node moves on when all approve, or at the first rejection.
 */
export type SignGroup = { id: string; kind: 'before' | 'after'; hostTaskId: string; tokenId: string; assignees: string[]; active: boolean; hostOutcome?: TaskOutcome };
/** The state before the latest completion, kept only while nothing else has happened since (撤回). */
export type Undo = { taskId: string; seq: number; before: InstanceState };
export type InstanceState = {
  status: 'running' | 'completed';
  tokens: Token[];
  tasks: Task[];
  /** Arrivals at a joining parallel gateway, keyed `<scope>|<gateway>`. */
  joins: Record<string, number>;
  /** Multi-instance bookkeeping per waiting token. */
  mi: Record<string, MiState>;
  variables: Record<string, unknown>;
  /** Add-sign groups by id (absent in states stored before 加签 existed). */
  signs?: Record<string, SignGroup>;
  /** Bumped by every step; an undo record is valid only for the step that made it. */
  seq?: number;
  undo?: Undo;
  /** Nodes ever entered, for the monitor's diagram. */
  visited?: string[];
};
export type Effect =
  | { kind: 'task_created'; task: Task }
  | { kind: 'task_cancelled'; taskId: string; nodeId: string }
  | { kind: 'task_reopened'; taskId: string }
  | { kind: 'task_blocked'; taskId: string }
  | { kind: 'task_unblocked'; taskId: string }
  | { kind: 'service_called'; nodeId: string; handler: string }
  | { kind: 'timer_set'; tokenId: string; nodeId: string; timer: NonNullable<FlowNode['timer']> }
  | { kind: 'node_entered'; nodeId: string }
  | { kind: 'completed' };

export type EngineErrorCode = 'TASK_NOT_OPEN' | 'NO_PATH' | 'BAD_TARGET' | 'NOT_RUNNING' | 'LOOP_LIMIT' | 'TASK_BLOCKED' | 'BAD_SIGN' | 'LAST_SIGNER' | 'TOO_LATE';
export class EngineError extends Error {
  constructor(readonly code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

export type EngineEnv = { newId: () => string; today: string };
type Step = { state: InstanceState; effects: Effect[] };

const MAX_STEPS = 10_000;
const clone = (s: InstanceState): InstanceState => structuredClone(s);

/** Every step starts here: a copy with the step counter bumped and any older undo record dropped. */
function begin(current: InstanceState): InstanceState {
  const state = clone(current);
  delete state.undo;
  state.seq = (current.seq ?? 0) + 1;
  state.signs ??= {};
  return state;
}
const signsOf = (s: InstanceState) => (s.signs ??= {});

export function startInstance(model: ProcessModel, variables: Record<string, unknown>, env: EngineEnv): Step {
  const state: InstanceState = { status: 'running', tokens: [{ id: env.newId(), nodeId: model.startId, scopeId: null, waiting: false }], tasks: [], joins: {}, mi: {}, variables: { ...variables }, signs: {}, seq: 0, visited: [] };
  const effects: Effect[] = [];
  run(model, state, effects, env);
  return { state, effects };
}

const openTask = (state: InstanceState, taskId: string) => {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task || task.status !== 'open') throw new EngineError('TASK_NOT_OPEN', '任务不存在或已办理');
  return task;
};
const running = (s: InstanceState) => { if (s.status !== 'running') throw new EngineError('NOT_RUNNING', '流程已结束'); };

/**
 * Completes one open task; a 会签 node moves on when its completion condition holds (remaining tasks are
 * cancelled). Completing an added signer's task settles its 加签 group instead of moving the token.
 */
export function completeTask(model: ProcessModel, current: InstanceState, input: { taskId: string; outcome: TaskOutcome; variables?: Record<string, unknown> }, env: EngineEnv): Step {
  running(current);
  const state = begin(current);
  const effects: Effect[] = [];
  const task = openTask(state, input.taskId);
  if (task.blockedBy) throw new EngineError('TASK_BLOCKED', '该任务正在等待前加签人员办理');
  task.status = 'completed';
  task.outcome = input.outcome;
  Object.assign(state.variables, input.variables ?? {});
  const signs = signsOf(state);
  const group = task.signId ? signs[task.signId] : undefined;
  const pendingAfter = Object.values(signs).find((g) => g.hostTaskId === task.id && g.kind === 'after' && !g.active);
  if (group) {
    settleSignTask(model, state, effects, env, task, group, input.outcome);
  } else if (pendingAfter && input.outcome === 'approve') {
    // 后加签: the host has approved; the added signers now decide whether the node moves on
    pendingAfter.active = true;
    pendingAfter.hostOutcome = input.outcome;
    const node = model.nodes[task.nodeId];
    const token = state.tokens.find((t) => t.id === task.tokenId)!;
    for (const a of pendingAfter.assignees) createTask(state, effects, env, node, token, a, undefined, { signId: pendingAfter.id });
  } else {
    if (pendingAfter) delete signs[pendingAfter.id]; // not approved: nothing for the added signers to confirm
    settle(model, state, effects, env, task, input.outcome);
  }
  // 撤回 is possible only while nothing irreversible happened (handlers called, timers set, the end reached)
  if (!effects.some((e) => e.kind === 'service_called' || e.kind === 'timer_set' || e.kind === 'completed')) {
    const before = clone(current);
    delete before.undo;
    state.undo = { taskId: task.id, seq: state.seq!, before };
  }
  return { state, effects };
}

/** An added signer finished: a 前加签 group releases its host when all are done; a 后加签 group moves the node on. */
function settleSignTask(model: ProcessModel, state: InstanceState, effects: Effect[], env: EngineEnv, task: Task, group: SignGroup, outcome: TaskOutcome) {
  const signs = signsOf(state);
  const members = state.tasks.filter((t) => t.signId === group.id);
  const host = state.tasks.find((t) => t.id === group.hostTaskId)!;
  if (group.kind === 'before') {
    if (members.some((t) => t.status === 'open')) return;
    delete host.blockedBy;
    delete signs[group.id];
    effects.push({ kind: 'task_unblocked', taskId: host.id });
    return;
  }
  if (outcome === 'reject') {
    for (const t of members) if (t.status === 'open') cancel(t, effects);
  } else if (members.some((t) => t.status === 'open')) return;
  delete signs[group.id];
  settle(model, state, effects, env, host, outcome === 'reject' ? 'reject' : group.hostOutcome ?? 'approve');
}

/** The node's own task is decided: count it toward the 会签, or move the token on. */
function settle(model: ProcessModel, state: InstanceState, effects: Effect[], env: EngineEnv, task: Task, outcome: TaskOutcome) {
  state.variables.lastOutcome = outcome;
  const token = state.tokens.find((t) => t.id === task.tokenId)!;
  const node = model.nodes[task.nodeId];
  const mi = state.mi[token.id];
  if (node.multiInstance && mi) {
    mi.completed++;
    if (outcome === 'approve') mi.approved++; else mi.rejected++;
    if (!miDone(node, state, mi, env)) {
      if (node.multiInstance.sequential) createTask(state, effects, env, node, token, mi.assignees[mi.next], mi.next++);
      return;
    }
  }
  leaveUserTask(model, state, effects, env, token, node);
}

function miDone(node: FlowNode, state: InstanceState, mi: MiState, env: EngineEnv) {
  const counters = { nrOfInstances: mi.total, nrOfCompletedInstances: mi.completed, nrOfApproved: mi.approved, nrOfRejected: mi.rejected };
  state.variables[`${node.id}_result`] = counters;
  return mi.completed >= mi.total
    || (!!node.multiInstance!.completionCondition && evaluateBoolean(node.multiInstance!.completionCondition, { ...state.variables, ...counters }, env));
}

/** Leaves a user task node: whatever is still open on its token (other signers, added signers) is withdrawn. */
function leaveUserTask(model: ProcessModel, state: InstanceState, effects: Effect[], env: EngineEnv, token: Token, node: FlowNode) {
  for (const t of state.tasks) if (t.tokenId === token.id && t.status === 'open') cancel(t, effects);
  const signs = signsOf(state);
  for (const g of Object.values(signs)) if (g.tokenId === token.id) delete signs[g.id];
  delete state.mi[token.id];
  token.waiting = false;
  leave(model, state, token, node, env);
  run(model, state, effects, env);
}

/** A timer fired: the waiting token moves on. */
export function fireTimer(model: ProcessModel, current: InstanceState, tokenId: string, env: EngineEnv): Step {
  const waiting = current.tokens.find((t) => t.id === tokenId && t.waiting && model.nodes[t.nodeId]?.type === 'timerEvent');
  if (!waiting) return { state: current, effects: [] }; // already moved on (returned, cancelled): a late timer is harmless
  const state = begin(current);
  const effects: Effect[] = [];
  const token = state.tokens.find((t) => t.id === tokenId)!;
  token.waiting = false;
  leave(model, state, token, model.nodes[token.nodeId], env);
  run(model, state, effects, env);
  return { state, effects };
}

/**
 * 退回: return to any earlier node, including from inside a 会签 or a parallel branch. Every open task
 * is cancelled, every token, join counter, 会签 and 加签 record is dropped, and one token starts again
 * at the target, so nothing is left behind in the abandoned branches.
 */
export function returnTo(model: ProcessModel, current: InstanceState, targetNodeId: string, env: EngineEnv): Step {
  running(current);
  const target = model.nodes[targetNodeId];
  if (!target || target.type !== 'userTask') throw new EngineError('BAD_TARGET', '只能退回到人工办理节点');
  const state = begin(current);
  const effects: Effect[] = [];
  for (const t of state.tasks) if (t.status === 'open') cancel(t, effects);
  const scopeId = target.parentId ? state.tokens.find((t) => t.nodeId === target.parentId)?.id ?? null : null;
  state.tokens = state.tokens.filter((t) => scopeId !== null && isAncestorToken(state, t.id, scopeId));
  state.joins = {};
  state.mi = {};
  state.signs = {};
  state.tokens.push({ id: env.newId(), nodeId: target.id, scopeId, waiting: false });
  run(model, state, effects, env);
  return { state, effects };
}

/** Tokens that must survive a return into a sub-process: the sub-process token and its ancestors. */
function isAncestorToken(state: InstanceState, tokenId: string, scopeTokenId: string): boolean {
  for (let cur: string | null = scopeTokenId; cur; cur = state.tokens.find((t) => t.id === cur)?.scopeId ?? null) if (cur === tokenId) return true;
  return false;
}

/**
 * 加签. Before: new tasks for `assignees` at the same node; the host task cannot be completed until
 * they are all done. After: recorded now, the tasks are created when the host approves.
 */
export function addSign(model: ProcessModel, current: InstanceState, input: { taskId: string; assignees: string[]; position: 'before' | 'after' }, env: EngineEnv): Step {
  running(current);
  const state = begin(current);
  const effects: Effect[] = [];
  const host = openTask(state, input.taskId);
  if (host.signId) throw new EngineError('BAD_SIGN', '加签人员的任务不能再加签');
  if (host.blockedBy) throw new EngineError('TASK_BLOCKED', '该任务正在等待前加签人员办理');
  if (!input.assignees.length) throw new EngineError('BAD_SIGN', '请选择加签人员');
  const signs = signsOf(state);
  const node = model.nodes[host.nodeId];
  const token = state.tokens.find((t) => t.id === host.tokenId)!;
  if (input.position === 'before') {
    const group: SignGroup = { id: env.newId(), kind: 'before', hostTaskId: host.id, tokenId: token.id, assignees: [...input.assignees], active: true };
    signs[group.id] = group;
    for (const a of group.assignees) createTask(state, effects, env, node, token, a, undefined, { signId: group.id });
    host.blockedBy = group.id;
    effects.push({ kind: 'task_blocked', taskId: host.id });
  } else {
    const pending = Object.values(signs).find((g) => g.hostTaskId === host.id && g.kind === 'after' && !g.active);
    if (pending) pending.assignees = [...new Set([...pending.assignees, ...input.assignees])];
    else {
      const group: SignGroup = { id: env.newId(), kind: 'after', hostTaskId: host.id, tokenId: token.id, assignees: [...input.assignees], active: false };
      signs[group.id] = group;
    }
  }
  return { state, effects };
}

/** Added signers still waiting to be created (后加签 before the host approved), per host task. */
export const pendingAfterSigners = (s: InstanceState, hostTaskId: string) =>
  Object.values(s.signs ?? {}).filter((g) => g.hostTaskId === hostTaskId && g.kind === 'after' && !g.active).flatMap((g) => g.assignees);

/**
 * 减签: cancels open participants of one running 会签 or one 加签 group. A 会签 counts the smaller total
 * at once, so the completion condition may now hold and the node move on. At least one participant
 * who has not yet acted must remain.
 */
export function removeSigners(model: ProcessModel, current: InstanceState, input: { taskIds: string[] }, env: EngineEnv): Step {
  running(current);
  const state = begin(current);
  const effects: Effect[] = [];
  const ids = [...new Set(input.taskIds)];
  if (!ids.length) throw new EngineError('BAD_SIGN', '请选择要减签的人员');
  const targets = ids.map((id) => openTask(state, id));
  const first = targets[0];
  const token = state.tokens.find((t) => t.id === first.tokenId)!;
  const node = model.nodes[first.nodeId];
  const signs = signsOf(state);
  const mi = state.mi[token.id];

  if (first.signId) {
    if (targets.some((t) => t.signId !== first.signId)) throw new EngineError('BAD_SIGN', '只能减去同一加签中尚未办理的人员');
    const group = signs[first.signId];
    const left = state.tasks.filter((t) => t.signId === group.id && t.status === 'open' && !ids.includes(t.id));
    if (!left.length) throw new EngineError('LAST_SIGNER', '不能减去最后一位尚未办理的加签人员');
    for (const t of targets) cancel(t, effects);
    return { state, effects };
  }

  if (!node.multiInstance || !mi || targets.some((t) => t.signId || t.tokenId !== token.id)) throw new EngineError('BAD_SIGN', '只能减去同一会签中尚未办理的人员');
  const stillToAct = state.tasks.filter((t) => t.tokenId === token.id && !t.signId && t.status === 'open' && !ids.includes(t.id)).length
    + (node.multiInstance.sequential ? mi.assignees.length - mi.next : 0);
  if (stillToAct < 1) throw new EngineError('LAST_SIGNER', '不能减去最后一位尚未办理的会签人员');
  for (const t of targets) {
    cancel(t, effects);
    // a removed signer's own 前加签 helpers go with them
    for (const g of Object.values(signs).filter((x) => x.hostTaskId === t.id)) {
      for (const m of state.tasks) if (m.signId === g.id && m.status === 'open') cancel(m, effects);
      delete signs[g.id];
    }
    mi.total--;
    if (node.multiInstance.sequential) { mi.assignees.splice(mi.next - 1, 1); mi.next--; }
  }
  if (miDone(node, state, mi, env)) {
    leaveUserTask(model, state, effects, env, token, node);
  } else if (node.multiInstance.sequential && !state.tasks.some((t) => t.tokenId === token.id && t.status === 'open')) {
    createTask(state, effects, env, node, token, mi.assignees[mi.next], mi.next++);
  }
  return { state, effects };
}

/** Whether the latest step was the completion of `taskId` and nothing has happened since. */
export const canWithdraw = (s: InstanceState, taskId: string) => s.status === 'running' && s.undo?.taskId === taskId && s.undo.seq === s.seq;

/**
 * 撤回: puts the instance back as it was before `taskId` was completed. Tasks created by that
 * completion are cancelled, tasks it closed (the task itself, 会签 siblings) reopen.
 */
export function withdrawTask(model: ProcessModel, current: InstanceState, taskId: string): Step {
  if (!canWithdraw(current, taskId)) throw new EngineError('TOO_LATE', '流程已有新的进展，不能撤回');
  const state = clone(current.undo!.before);
  state.seq = (current.seq ?? 0) + 1;
  state.signs ??= {};
  const effects: Effect[] = [];
  const then = new Map(state.tasks.map((t) => [t.id, t]));
  for (const now of current.tasks) {
    const was = then.get(now.id);
    if (!was) {
      // created by the completion being undone: keep it in the record as cancelled
      if (now.status === 'open') effects.push({ kind: 'task_cancelled', taskId: now.id, nodeId: now.nodeId });
      state.tasks.push({ ...now, status: 'cancelled' });
      continue;
    }
    if (was.status === 'open' && now.status !== 'open') effects.push({ kind: 'task_reopened', taskId: now.id });
    if (!!was.blockedBy !== !!now.blockedBy) effects.push({ kind: was.blockedBy ? 'task_blocked' : 'task_unblocked', taskId: now.id });
  }
  state.visited = [...new Set([...(current.visited ?? []), ...(state.visited ?? [])])];
  return { state, effects };
}

/** 终止: every open task is cancelled and no token remains. */
export function terminate(current: InstanceState): Step {
  running(current);
  const state = begin(current);
  const effects: Effect[] = [];
  for (const t of state.tasks) if (t.status === 'open') cancel(t, effects);
  state.tokens = [];
  state.joins = {};
  state.mi = {};
  state.signs = {};
  return { state, effects };
}

export const openTasks = (s: InstanceState) => s.tasks.filter((t) => t.status === 'open');

function cancel(task: Task, effects: Effect[]) {
  task.status = 'cancelled';
  delete task.blockedBy;
  effects.push({ kind: 'task_cancelled', taskId: task.id, nodeId: task.nodeId });
}

function createTask(state: InstanceState, effects: Effect[], env: EngineEnv, node: FlowNode, token: Token, assignee: string | null, miIndex?: number, extra?: { signId: string }) {
  const task: Task = { id: env.newId(), nodeId: node.id, tokenId: token.id, assignee, status: 'open', ...(miIndex !== undefined ? { miIndex } : {}), ...extra };
  state.tasks.push(task);
  effects.push({ kind: 'task_created', task });
}

/** Moves a token out of a node: one flow moves it, several fork it (conditions, when present, must hold). */
function leave(model: ProcessModel, state: InstanceState, token: Token, node: FlowNode, env: EngineEnv) {
  let targets = node.outgoing.map((id) => model.flows[id]);
  if (node.type === 'exclusiveGateway') {
    const chosen = targets.find((f) => f.id !== node.defaultFlow && f.condition && evaluateBoolean(f.condition, state.variables, env))
      ?? (node.defaultFlow ? model.flows[node.defaultFlow] : targets.length === 1 && !targets[0].condition ? targets[0] : undefined);
    if (!chosen) throw new EngineError('NO_PATH', `${node.name}：没有满足条件的分支`);
    targets = [chosen];
  } else if (node.type !== 'parallelGateway') {
    targets = targets.filter((f) => !f.condition || evaluateBoolean(f.condition, state.variables, env));
    if (!targets.length) throw new EngineError('NO_PATH', `${node.name}：没有满足条件的分支`);
  }
  token.nodeId = model.flows[targets[0].id].target;
  for (const f of targets.slice(1)) state.tokens.push({ id: env.newId(), nodeId: f.target, scopeId: token.scopeId, waiting: false });
}

function run(model: ProcessModel, state: InstanceState, effects: Effect[], env: EngineEnv) {
  const visited = (state.visited ??= []);
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS) throw new EngineError('LOOP_LIMIT', '流程陷入循环');
    const token = state.tokens.find((t) => !t.waiting);
    if (!token) break;
    const node = model.nodes[token.nodeId];
    effects.push({ kind: 'node_entered', nodeId: node.id });
    if (!visited.includes(node.id)) visited.push(node.id);
    switch (node.type) {
      case 'startEvent':
      case 'exclusiveGateway':
        leave(model, state, token, node, env);
        break;
      case 'serviceTask':
        effects.push({ kind: 'service_called', nodeId: node.id, handler: node.handler! });
        leave(model, state, token, node, env);
        break;
      case 'parallelGateway': {
        if (node.incoming.length > 1) {
          const key = `${token.scopeId ?? 'root'}|${node.id}`;
          state.joins[key] = (state.joins[key] ?? 0) + 1;
          if (state.joins[key] < node.incoming.length) {
            state.tokens = state.tokens.filter((t) => t !== token);
            break;
          }
          delete state.joins[key];
        }
        leave(model, state, token, node, env);
        break;
      }
      case 'userTask': {
        token.waiting = true;
        if (node.multiInstance) {
          const list = evaluate(node.multiInstance.collection, state.variables, env);
          const assignees = (Array.isArray(list) ? list : []).map(String);
          if (!assignees.length) throw new EngineError('NO_PATH', `${node.name}：会签参与人为空`);
          state.mi[token.id] = { total: assignees.length, completed: 0, approved: 0, rejected: 0, assignees, next: 0 };
          const mi = state.mi[token.id];
          if (node.multiInstance.sequential) createTask(state, effects, env, node, token, assignees[mi.next], mi.next++);
          else assignees.forEach((a, i) => createTask(state, effects, env, node, token, a, i));
        } else {
          const assignee = node.assignment?.assignee ? evaluate(node.assignment.assignee, state.variables, env) : null;
          createTask(state, effects, env, node, token, assignee === null ? null : String(assignee));
        }
        break;
      }
      case 'timerEvent':
        token.waiting = true;
        effects.push({ kind: 'timer_set', tokenId: token.id, nodeId: node.id, timer: node.timer ?? {} });
        break;
      case 'subProcess': {
        token.waiting = true;
        const start = Object.values(model.nodes).find((n) => n.parentId === node.id && n.type === 'startEvent')!;
        state.tokens.push({ id: env.newId(), nodeId: start.id, scopeId: token.id, waiting: false });
        break;
      }
      case 'endEvent': {
        state.tokens = state.tokens.filter((t) => t !== token);
        if (token.scopeId) {
          if (!state.tokens.some((t) => t.scopeId === token.scopeId)) {
            const parent = state.tokens.find((t) => t.id === token.scopeId)!;
            parent.waiting = false;
            leave(model, state, parent, model.nodes[parent.nodeId], env);
          }
        } else if (!state.tokens.length) {
          state.status = 'completed';
          effects.push({ kind: 'completed' });
        }
        break;
      }
    }
  }
}
