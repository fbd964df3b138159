import type { ProcessModel } from '../bpmn/process-model';
import type { InstanceState } from './engine.rules';

export type MigrationProblem = { nodeId: string; name: string; reason: 'missing' | 'type' | 'multi_instance' | 'scope' | 'bad_mapping' };
export type MigrationResult =
  | { ok: true; state: InstanceState; moves: Array<{ taskId: string; from: string; to: string }> }
  | { ok: false; problems: MigrationProblem[] };

/**
 * Moves a running instance's state onto another version of its process. Every place the instance
 * stands (tokens, open tasks, join counters, add-sign groups) must exist in the new model under the
 * same id or the mapped one, with the same kind of node; otherwise nothing moves and the problems are
 * listed. Closed tasks keep their old node ids: they are history.
 */
export function migrateState(from: ProcessModel, to: ProcessModel, current: InstanceState, nodeMapping: Record<string, string> = {}): MigrationResult {
  const problems: MigrationProblem[] = [];
  const seen = new Set<string>();
  const problem = (nodeId: string, reason: MigrationProblem['reason']) => {
    if (seen.has(`${nodeId}|${reason}`)) return;
    seen.add(`${nodeId}|${reason}`);
    problems.push({ nodeId, name: from.nodes[nodeId]?.name ?? nodeId, reason });
  };
  for (const [oldId, newId] of Object.entries(nodeMapping)) if (!to.nodes[newId]) problem(oldId, 'bad_mapping');
  const map = (id: string) => nodeMapping[id] ?? id;

  const check = (oldId: string) => {
    const target = to.nodes[map(oldId)];
    if (!target) { problem(oldId, 'missing'); return; }
    const source = from.nodes[oldId];
    if (source && source.type !== target.type) problem(oldId, 'type');
  };
  for (const t of current.tokens) {
    check(t.nodeId);
    const target = to.nodes[map(t.nodeId)];
    if (!target) continue;
    if (target.type === 'userTask' && t.waiting && !!current.mi[t.id] !== !!target.multiInstance) problem(t.nodeId, 'multi_instance');
    const scope = t.scopeId ? current.tokens.find((x) => x.id === t.scopeId) : undefined;
    if ((scope ? map(scope.nodeId) : null) !== target.parentId) problem(t.nodeId, 'scope');
  }
  for (const t of current.tasks) if (t.status === 'open') check(t.nodeId);
  for (const key of Object.keys(current.joins)) check(key.slice(key.indexOf('|') + 1));
  if (problems.length) return { ok: false, problems };

  const state = structuredClone(current);
  delete state.undo; // an undo snapshot speaks the old model's language
  state.seq = (current.seq ?? 0) + 1;
  const moves: Array<{ taskId: string; from: string; to: string }> = [];
  for (const t of state.tokens) t.nodeId = map(t.nodeId);
  for (const t of state.tasks) {
    if (t.status !== 'open') continue;
    moves.push({ taskId: t.id, from: t.nodeId, to: map(t.nodeId) });
    t.nodeId = map(t.nodeId);
  }
  state.joins = Object.fromEntries(Object.entries(current.joins).map(([k, n]) => {
    const bar = k.indexOf('|');
    return [`${k.slice(0, bar)}|${map(k.slice(bar + 1))}`, n];
  }));
  state.visited = [...new Set((current.visited ?? []).map(map).filter((id) => to.nodes[id]))];
  return { ok: true, state, moves };
}
