import { evaluate, evaluateBoolean } from '@jsga/form-engine';
import type { FlowNode, ProcessModel } from '../bpmn/process-model';

/**
 * The process engine as pure functions: instance state in, new state and effects out. The service
 * layer persists the state in the same transaction as the case and turns effects into rows (tasks,
 * timer jobs, handler calls), so a restart continues from the stored state.
 */
export type Token = { id: string; nodeId: string; scopeId: string | null; waiting: boolean };
export type TaskOutcome = 'approve' | 'reject';
export type Task = { id: string; nodeId: string; tokenId: string; assignee: string | null; status: 'open' | 'completed' | 'cancelled'; outcome?: TaskOutcome; miIndex?: number };
export type MiState = { total: number; completed: number; approved: number; rejected: number; assignees: string[]; next: number };
export type InstanceState = {
  status: 'running' | 'completed';
  tokens: Token[];
  tasks: Task[];
  /** Arrivals at a joining parallel gateway, keyed `<scope>|<gateway>`. */
  joins: Record<string, number>;
  /** Multi-instance bookkeeping per waiting token. */
  mi: Record<string, MiState>;
  variables: Record<string, unknown>;
};
export type Effect =
  | { kind: 'task_created'; task: Task }
  | { kind: 'task_cancelled'; taskId: string; nodeId: string }
  | { kind: 'service_called'; nodeId: string; handler: string }
  | { kind: 'timer_set'; tokenId: string; nodeId: string; timer: NonNullable<FlowNode['timer']> }
  | { kind: 'node_entered'; nodeId: string }
  | { kind: 'completed' };

export class EngineError extends Error {
  constructor(readonly code: 'TASK_NOT_OPEN' | 'NO_PATH' | 'BAD_TARGET' | 'NOT_RUNNING' | 'LOOP_LIMIT', message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

export type EngineEnv = { newId: () => string; today: string };
type Step = { state: InstanceState; effects: Effect[] };

const MAX_STEPS = 10_000;
const clone = (s: InstanceState): InstanceState => structuredClone(s);

export function startInstance(model: ProcessModel, variables: Record<string, unknown>, env: EngineEnv): Step {
  const state: InstanceState = { status: 'running', tokens: [{ id: env.newId(), nodeId: model.startId, scopeId: null, waiting: false }], tasks: [], joins: {}, mi: {}, variables: { ...variables } };
  const effects: Effect[] = [];
  run(model, state, effects, env);
  return { state, effects };
}

/** Completes one open task; a 会签 node moves on when its completion condition holds (remaining tasks are cancelled). */
export function completeTask(model: ProcessModel, current: InstanceState, input: { taskId: string; outcome: TaskOutcome; variables?: Record<string, unknown> }, env: EngineEnv): Step {
  if (current.status !== 'running') throw new EngineError('NOT_RUNNING', '流程已结束');
  const state = clone(current);
  const effects: Effect[] = [];
  const task = state.tasks.find((t) => t.id === input.taskId);
  if (!task || task.status !== 'open') throw new EngineError('TASK_NOT_OPEN', '任务不存在或已办理');
  task.status = 'completed';
  task.outcome = input.outcome;
  Object.assign(state.variables, input.variables ?? {}, { lastOutcome: input.outcome });
  const token = state.tokens.find((t) => t.id === task.tokenId)!;
  const node = model.nodes[task.nodeId];
  const mi = state.mi[token.id];
  if (node.multiInstance && mi) {
    mi.completed++;
    if (input.outcome === 'approve') mi.approved++; else mi.rejected++;
    const counters = { nrOfInstances: mi.total, nrOfCompletedInstances: mi.completed, nrOfApproved: mi.approved, nrOfRejected: mi.rejected };
    const done = mi.completed >= mi.total
      || (!!node.multiInstance.completionCondition && evaluateBoolean(node.multiInstance.completionCondition, { ...state.variables, ...counters }, env));
    state.variables[`${node.id}_result`] = counters;
    if (!done) {
      if (node.multiInstance.sequential) createTask(state, effects, env, node, token, mi.assignees[mi.next], mi.next++);
      return { state, effects };
    }
    for (const t of state.tasks) if (t.tokenId === token.id && t.status === 'open') cancel(t, effects);
    delete state.mi[token.id];
  }
  token.waiting = false;
  leave(model, state, token, node, env);
  run(model, state, effects, env);
  return { state, effects };
}

/** A timer fired: the waiting token moves on. */
export function fireTimer(model: ProcessModel, current: InstanceState, tokenId: string, env: EngineEnv): Step {
  const state = clone(current);
  const effects: Effect[] = [];
  const token = state.tokens.find((t) => t.id === tokenId && t.waiting && model.nodes[t.nodeId].type === 'timerEvent');
  if (!token) return { state: current, effects: [] }; // already moved on (returned, cancelled): a late timer is harmless
  token.waiting = false;
  leave(model, state, token, model.nodes[token.nodeId], env);
  run(model, state, effects, env);
  return { state, effects };
}

/**
 * 退回: return to any earlier node, including from inside a 会签 or a parallel branch. Every open task
 * is cancelled, every token, join counter and 会签 record is dropped, and one token starts again at the
 * target, so nothing is left behind in the abandoned branches.
 */
export function returnTo(model: ProcessModel, current: InstanceState, targetNodeId: string, env: EngineEnv): Step {
  if (current.status !== 'running') throw new EngineError('NOT_RUNNING', '流程已结束');
  const target = model.nodes[targetNodeId];
  if (!target || target.type !== 'userTask') throw new EngineError('BAD_TARGET', '只能退回到人工办理节点');
  const state = clone(current);
  const effects: Effect[] = [];
  for (const t of state.tasks) if (t.status === 'open') cancel(t, effects);
  const scopeId = target.parentId ? state.tokens.find((t) => t.nodeId === target.parentId)?.id ?? null : null;
  state.tokens = state.tokens.filter((t) => scopeId !== null && isAncestorToken(state, t.id, scopeId));
  state.joins = {};
  state.mi = {};
  state.tokens.push({ id: env.newId(), nodeId: target.id, scopeId, waiting: false });
  run(model, state, effects, env);
  return { state, effects };
}

/** Tokens that must survive a return into a sub-process: the sub-process token and its ancestors. */
function isAncestorToken(state: InstanceState, tokenId: string, scopeTokenId: string): boolean {
  for (let cur: string | null = scopeTokenId; cur; cur = state.tokens.find((t) => t.id === cur)?.scopeId ?? null) if (cur === tokenId) return true;
  return false;
}

export const openTasks = (s: InstanceState) => s.tasks.filter((t) => t.status === 'open');

function cancel(task: Task, effects: Effect[]) {
  task.status = 'cancelled';
  effects.push({ kind: 'task_cancelled', taskId: task.id, nodeId: task.nodeId });
}

function createTask(state: InstanceState, effects: Effect[], env: EngineEnv, node: FlowNode, token: Token, assignee: string | null, miIndex?: number) {
  const task: Task = { id: env.newId(), nodeId: node.id, tokenId: token.id, assignee, status: 'open', ...(miIndex !== undefined ? { miIndex } : {}) };
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
  for (let steps = 0; ; steps++) {
    if (steps > MAX_STEPS) throw new EngineError('LOOP_LIMIT', '流程陷入循环');
    const token = state.tokens.find((t) => !t.waiting);
    if (!token) break;
    const node = model.nodes[token.nodeId];
    effects.push({ kind: 'node_entered', nodeId: node.id });
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
