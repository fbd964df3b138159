import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../bpmn/bpmn.parse';
import { approvalXml, defs, timerXml } from '../testing/bpmn.fixtures';
import { addSign, canWithdraw, completeTask, EngineError, openTasks, removeSigners, startInstance, withdrawTask, type InstanceState } from './engine.rules';
import { migrateState } from './migration.rules';

let n = 0;
const env = { newId: () => `id${++n}`, today: '2026-11-28' };
const model = parseBpmn(approvalXml);
const nodesOf = (s: InstanceState) => openTasks(s).map((t) => t.nodeId).sort();
const taskAt = (s: InstanceState, nodeId: string) => openTasks(s).find((t) => t.nodeId === nodeId)!;
const approve = (s: InstanceState, taskId: string, outcome: 'approve' | 'reject' = 'approve') => completeTask(model, s, { taskId, outcome }, env);
const code = (fn: () => unknown) => { try { fn(); return null; } catch (e) { return (e as EngineError).code; } };
const roundTrip = (s: InstanceState): InstanceState => JSON.parse(JSON.stringify(s));

/** Past 受理 into a 会签 of the given reviewers. */
const atCountersign = (reviewers: string[]) => {
  const { state } = startInstance(model, { amount: 500, reviewers }, env);
  return approve(state, taskAt(state, 'accept').id).state;
};

describe('加签', () => {
  it('前加签: the added officers sign first; the original task cannot be completed until they have, then continues', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    const host = taskAt(state, 'accept');
    const r = addSign(model, state, { taskId: host.id, assignees: ['科员甲', '科员乙'], position: 'before' }, env);
    state = roundTrip(r.state); // the group survives a restart
    expect(r.effects).toContainEqual({ kind: 'task_blocked', taskId: host.id });
    const added = openTasks(state).filter((t) => t.signId);
    expect(added.map((t) => [t.nodeId, t.assignee])).toEqual([['accept', '科员甲'], ['accept', '科员乙']]);
    expect(code(() => approve(state, host.id))).toBe('TASK_BLOCKED');

    state = approve(state, added[0].id).state;
    expect(state.tasks.find((t) => t.id === host.id)!.blockedBy).toBeDefined(); // one still to sign
    const last = approve(state, added[1].id, 'reject'); // their outcome is advice: it does not move the process
    state = last.state;
    expect(last.effects).toContainEqual({ kind: 'task_unblocked', taskId: host.id });
    expect(nodesOf(state)).toEqual(['accept']);
    state = approve(state, host.id).state;
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
    expect(state.signs).toEqual({});
  });

  it('后加签: after the original officer approves, the added officers must approve before the process moves on', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    const host = taskAt(state, 'accept');
    state = addSign(model, state, { taskId: host.id, assignees: ['处长'], position: 'after' }, env).state;
    state = addSign(model, state, { taskId: host.id, assignees: ['处长', '副处长'], position: 'after' }, env).state; // merged, no duplicate
    expect(openTasks(state).map((t) => t.id)).toEqual([host.id]); // nothing created yet
    state = roundTrip(approve(state, host.id).state);
    expect(openTasks(state).map((t) => [t.nodeId, t.assignee])).toEqual([['accept', '处长'], ['accept', '副处长']]);
    const [a, b] = openTasks(state);
    state = approve(state, a.id).state;
    expect(nodesOf(state)).toEqual(['accept']);
    state = approve(state, b.id).state;
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
    expect(state.variables.lastOutcome).toBe('approve');
  });

  it('后加签: one added officer rejecting ends the wait at once with the node rejected; a rejecting host skips them', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    state = addSign(model, state, { taskId: taskAt(state, 'accept').id, assignees: ['处长', '副处长'], position: 'after' }, env).state;
    state = approve(state, taskAt(state, 'accept').id).state;
    const step = approve(state, openTasks(state)[0].id, 'reject');
    expect(step.effects.filter((e) => e.kind === 'task_cancelled')).toHaveLength(1);
    expect(step.state.variables.lastOutcome).toBe('reject');
    expect(nodesOf(step.state)).toEqual(['reviewA', 'reviewB']);

    ({ state } = startInstance(model, { amount: 50 }, env));
    state = addSign(model, state, { taskId: taskAt(state, 'accept').id, assignees: ['处长'], position: 'after' }, env).state;
    state = approve(state, taskAt(state, 'accept').id, 'reject').state;
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
    expect(state.signs).toEqual({});
  });

  it('an added officer cannot add further signers', () => {
    const { state } = startInstance(model, { amount: 50 }, env);
    const s = addSign(model, state, { taskId: taskAt(state, 'accept').id, assignees: ['甲'], position: 'before' }, env).state;
    const added = openTasks(s).find((t) => t.signId)!;
    expect(code(() => addSign(model, s, { taskId: added.id, assignees: ['乙'], position: 'before' }, env))).toBe('BAD_SIGN');
  });
});

describe('减签', () => {
  it('3 signers at 60 %, one approved: removing one of the two open ones recomputes the ratio on 2 (1/2 is not yet enough)', () => {
    let state = atCountersign(['u1', 'u2', 'u3']);
    const [t1, t2, t3] = openTasks(state);
    state = approve(state, t1.id).state;
    const r = removeSigners(model, state, { taskIds: [t2.id] }, env);
    state = r.state;
    expect(r.effects).toEqual([{ kind: 'task_cancelled', taskId: t2.id, nodeId: 'countersign' }]);
    expect(state.variables.countersign_result).toEqual({ nrOfInstances: 2, nrOfCompletedInstances: 1, nrOfApproved: 1, nrOfRejected: 0 });
    expect(openTasks(state).map((t) => t.id)).toEqual([t3.id]);
    expect(code(() => removeSigners(model, state, { taskIds: [t3.id] }, env))).toBe('LAST_SIGNER');
    state = approve(state, t3.id).state;
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
  });

  it('the smaller total can satisfy the condition at once: the node moves on and the last open signer is withdrawn', () => {
    let state = atCountersign(['u1', 'u2', 'u3', 'u4', 'u5']);
    const t = openTasks(state);
    state = approve(state, t[0].id).state;
    state = approve(state, t[1].id).state;
    expect(code(() => removeSigners(model, state, { taskIds: [t[2].id, t[3].id, t[4].id] }, env))).toBe('LAST_SIGNER');
    const r = removeSigners(model, state, { taskIds: [t[2].id, t[3].id] }, env); // 2 of 3 ≥ 60 %
    expect(r.effects.filter((e) => e.kind === 'task_cancelled').map((e) => (e as { taskId: string }).taskId)).toEqual([t[2].id, t[3].id, t[4].id]);
    expect(nodesOf(r.state)).toEqual(['reviewA', 'reviewB']);
  });

  it('a sequential 会签 skips a removed signer to the next one', () => {
    const seq = parseBpmn(defs(`
      <bpmn:startEvent id="s"/>
      <bpmn:userTask id="chain" name="依次审批"><bpmn:multiInstanceLoopCharacteristics isSequential="true" jsga:collection="chain"/></bpmn:userTask>
      <bpmn:endEvent id="e"/>
      <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="chain"/>
      <bpmn:sequenceFlow id="b" sourceRef="chain" targetRef="e"/>`));
    let { state } = startInstance(seq, { chain: ['科长', '所长', '局长'] }, env);
    state = removeSigners(seq, state, { taskIds: [openTasks(state)[0].id] }, env).state;
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['所长']);
    state = completeTask(seq, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env).state;
    expect(code(() => removeSigners(seq, state, { taskIds: [openTasks(state)[0].id] }, env))).toBe('LAST_SIGNER');
    state = completeTask(seq, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env).state;
    expect(state.status).toBe('completed');
  });

  it('removes added signers of a 前加签 (not the last one); the host is released when the rest have signed', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    const host = taskAt(state, 'accept');
    state = addSign(model, state, { taskId: host.id, assignees: ['甲', '乙'], position: 'before' }, env).state;
    const [a, b] = openTasks(state).filter((t) => t.signId);
    expect(code(() => removeSigners(model, state, { taskIds: [a.id, b.id] }, env))).toBe('LAST_SIGNER');
    state = removeSigners(model, state, { taskIds: [a.id] }, env).state;
    state = approve(state, b.id).state;
    expect(state.tasks.find((t) => t.id === host.id)!.blockedBy).toBeUndefined();
    expect(code(() => removeSigners(model, state, { taskIds: [host.id] }, env))).toBe('BAD_SIGN'); // not a 会签 nor an added signer
  });
});

describe('撤回', () => {
  it('puts the instance back as it was before the completion while nothing else has happened', () => {
    const { state: s0 } = startInstance(model, { amount: 50 }, env);
    const accept = taskAt(s0, 'accept');
    const done = roundTrip(approve(s0, accept.id).state);
    expect(canWithdraw(done, accept.id)).toBe(true);
    const back = withdrawTask(model, done, accept.id);
    expect(nodesOf(back.state)).toEqual(['accept']);
    expect(back.state.tokens).toEqual(s0.tokens);
    expect(back.effects.map((e) => e.kind).sort()).toEqual(['task_cancelled', 'task_cancelled', 'task_reopened']);
    expect(back.effects).toContainEqual({ kind: 'task_reopened', taskId: accept.id });
    expect(back.state.tasks.filter((t) => t.status === 'cancelled').map((t) => t.nodeId).sort()).toEqual(['reviewA', 'reviewB']);
    expect(code(() => withdrawTask(model, back.state, accept.id))).toBe('TOO_LATE'); // only once
    // the same task can be completed again afterwards
    expect(nodesOf(approve(back.state, accept.id).state)).toEqual(['reviewA', 'reviewB']);
  });

  it('is too late once the instance has moved on', () => {
    const { state: s0 } = startInstance(model, { amount: 50 }, env);
    const accept = taskAt(s0, 'accept');
    const s1 = approve(s0, accept.id).state;
    const s2 = approve(s1, taskAt(s1, 'reviewB').id).state;
    expect(code(() => withdrawTask(model, s2, accept.id))).toBe('TOO_LATE');
  });

  it('reopens the 会签 signer that the withdrawn approval had withdrawn', () => {
    let state = atCountersign(['u1', 'u2', 'u3']);
    const [t1, t2, t3] = openTasks(state);
    state = approve(state, t1.id).state;
    const decisive = approve(state, t2.id); // 2 of 3: node moves on, u3 withdrawn
    const back = withdrawTask(model, decisive.state, t2.id);
    expect(back.effects).toEqual(expect.arrayContaining([{ kind: 'task_reopened', taskId: t2.id }, { kind: 'task_reopened', taskId: t3.id }]));
    expect(openTasks(back.state).map((t) => t.id)).toEqual([t2.id, t3.id]);
    expect(back.state.mi[t2.tokenId]).toMatchObject({ completed: 1, approved: 1 });
  });

  it('cannot undo a completion that set a timer', () => {
    const timer = parseBpmn(timerXml);
    const { state } = startInstance(timer, {}, env);
    const t = openTasks(state)[0];
    expect(canWithdraw(completeTask(timer, state, { taskId: t.id, outcome: 'approve' }, env).state, t.id)).toBe(false);
  });
});

describe('instance migration', () => {
  const v2 = parseBpmn(approvalXml.replace('id="accept" name="受理"', 'id="acceptV2" name="受理（新）"').replace(/targetRef="accept"/g, 'targetRef="acceptV2"').replace('sourceRef="accept"', 'sourceRef="acceptV2"'));

  it('lists the nodes the new version lacks, and moves tokens and tasks with a mapping', () => {
    const { state } = startInstance(model, { amount: 50 }, env);
    const missing = migrateState(model, v2, state);
    expect(missing).toEqual({ ok: false, problems: [{ nodeId: 'accept', name: '受理', reason: 'missing' }] });
    const moved = migrateState(model, v2, state, { accept: 'acceptV2' });
    if (!moved.ok) throw new Error('expected ok');
    expect(moved.moves).toEqual([{ taskId: taskAt(state, 'accept').id, from: 'accept', to: 'acceptV2' }]);
    const next = completeTask(v2, moved.state, { taskId: taskAt(moved.state, 'acceptV2').id, outcome: 'approve' }, env).state;
    expect(nodesOf(next)).toEqual(['reviewA', 'reviewB']);
  });

  it('refuses mappings onto a different kind of node or a missing one, and a 会签 onto a plain task', () => {
    const { state } = startInstance(model, { amount: 50 }, env);
    expect(migrateState(model, v2, state, { accept: 'fork' })).toMatchObject({ ok: false, problems: [{ nodeId: 'accept', reason: 'type' }] });
    expect(migrateState(model, v2, state, { accept: 'nowhere' })).toMatchObject({ ok: false, problems: [{ nodeId: 'accept', reason: 'bad_mapping' }, { nodeId: 'accept', reason: 'missing' }] });
    const signing = atCountersign(['u1', 'u2']);
    expect(migrateState(model, v2, signing, { countersign: 'reviewA' })).toMatchObject({ ok: false, problems: [{ nodeId: 'countersign', reason: 'multi_instance' }] });
  });

  it('re-keys join counters by the mapped gateway', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    state = approve(state, taskAt(state, 'accept').id).state;
    state = approve(state, taskAt(state, 'reviewB').id).state;
    const v3 = parseBpmn(approvalXml.replace('<bpmn:parallelGateway id="join"/>', '<bpmn:parallelGateway id="join2"/>').replace(/"join"/g, '"join2"'));
    const moved = migrateState(model, v3, state, { join: 'join2' });
    expect(moved.ok && moved.state.joins).toEqual({ 'root|join2': 1 });
  });
});
