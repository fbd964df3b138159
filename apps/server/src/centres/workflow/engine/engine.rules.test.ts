import { describe, expect, it } from 'vitest';
import { BpmnError, parseBpmn } from '../bpmn/bpmn.parse';
import { completeTask, fireTimer, openTasks, returnTo, startInstance, type InstanceState } from './engine.rules';

import { approvalXml, defs } from '../testing/bpmn.fixtures';

let n = 0;
const env = { newId: () => `id${++n}`, today: '2026-11-28' };
const nodesOf = (s: InstanceState) => openTasks(s).map((t) => t.nodeId).sort();
const taskAt = (s: InstanceState, nodeId: string) => openTasks(s).find((t) => t.nodeId === nodeId)!;

describe('process engine', () => {
  const model = parseBpmn(approvalXml);

  it('runs exclusive gateway → 会签 by ratio → parallel branches → join → end', () => {
    let { state } = startInstance(model, { amount: 500, reviewers: ['u1', 'u2', 'u3', 'u4', 'u5'] }, env);
    expect(nodesOf(state)).toEqual(['accept']);
    state = completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state;
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    const sign = openTasks(state);
    state = completeTask(model, state, { taskId: sign[0].id, outcome: 'approve' }, env).state;
    state = completeTask(model, state, { taskId: sign[1].id, outcome: 'reject' }, env).state;
    state = completeTask(model, state, { taskId: sign[2].id, outcome: 'approve' }, env).state;
    expect(nodesOf(state)).toEqual(['countersign', 'countersign']); // 2 of 5 approved: not yet 60 %
    const step = completeTask(model, state, { taskId: sign[3].id, outcome: 'approve' }, env); // 3 of 5
    state = step.state;
    expect(step.effects.filter((e) => e.kind === 'task_cancelled')).toHaveLength(1); // u5's task is withdrawn
    expect(state.variables.countersign_result).toMatchObject({ nrOfApproved: 3, nrOfInstances: 5 });
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
    state = completeTask(model, state, { taskId: taskAt(state, 'reviewB').id, outcome: 'approve' }, env).state;
    expect(state.status).toBe('running'); // the join waits for the other branch
    const last = completeTask(model, state, { taskId: taskAt(state, 'reviewA').id, outcome: 'approve' }, env);
    expect(last.state.status).toBe('completed');
    expect(last.effects).toContainEqual({ kind: 'completed' });
    expect(openTasks(last.state)).toEqual([]);
  });

  it('skips the 会签 through the default branch when the condition is false', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    state = completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state;
    expect(nodesOf(state)).toEqual(['reviewA', 'reviewB']);
  });

  it('a return from inside one parallel branch to the first node leaves no orphan tasks, tokens or join counts', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    state = completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state;
    state = completeTask(model, state, { taskId: taskAt(state, 'reviewB').id, outcome: 'approve' }, env).state; // join now holds one arrival
    const back = returnTo(model, state, 'accept', env);
    state = back.state;
    expect(nodesOf(state)).toEqual(['accept']);
    expect(state.tokens).toHaveLength(1);
    expect(state.joins).toEqual({});
    expect(back.effects.filter((e) => e.kind === 'task_cancelled').map((e) => (e as { nodeId: string }).nodeId)).toEqual(['reviewA']);
    // going round again needs both branches anew: the old arrival does not count
    state = completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state;
    state = completeTask(model, state, { taskId: taskAt(state, 'reviewA').id, outcome: 'approve' }, env).state;
    expect(state.status).toBe('running');
    expect(nodesOf(state)).toEqual(['reviewB']);
  });

  it('a return out of a running 会签 cancels every remaining signer', () => {
    let { state } = startInstance(model, { amount: 500, reviewers: ['u1', 'u2', 'u3'] }, env);
    state = completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state;
    state = completeTask(model, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env).state;
    state = returnTo(model, state, 'accept', env).state;
    expect(nodesOf(state)).toEqual(['accept']);
    expect(state.mi).toEqual({});
  });

  it('refuses to complete the same task twice (the second caller gets a clear error)', () => {
    const { state } = startInstance(model, { amount: 1 }, env);
    const id = taskAt(state, 'accept').id;
    const after = completeTask(model, state, { taskId: id, outcome: 'approve' }, env).state;
    expect(() => completeTask(model, after, { taskId: id, outcome: 'approve' }, env)).toThrow(/已办理/);
  });

  it('state survives a JSON round trip, as it does through the database across a restart', () => {
    let { state } = startInstance(model, { amount: 50 }, env);
    state = JSON.parse(JSON.stringify(completeTask(model, state, { taskId: taskAt(state, 'accept').id, outcome: 'approve' }, env).state));
    state = completeTask(model, state, { taskId: taskAt(state, 'reviewA').id, outcome: 'approve' }, env).state;
    state = JSON.parse(JSON.stringify(state));
    expect(completeTask(model, state, { taskId: taskAt(state, 'reviewB').id, outcome: 'approve' }, env).state.status).toBe('completed');
  });
});

describe('sequential 会签, sub-processes and timers', () => {
  const xml = defs(`
    <bpmn:startEvent id="s"/>
    <bpmn:userTask id="chain" name="依次审批">
      <bpmn:multiInstanceLoopCharacteristics isSequential="true" jsga:collection="chain"/>
    </bpmn:userTask>
    <bpmn:subProcess id="sub" name="补充调查">
      <bpmn:startEvent id="ss"/>
      <bpmn:userTask id="investigate" name="调查" jsga:assignee="investigator"/>
      <bpmn:endEvent id="se"/>
      <bpmn:sequenceFlow id="s1" sourceRef="ss" targetRef="investigate"/>
      <bpmn:sequenceFlow id="s2" sourceRef="investigate" targetRef="se"/>
    </bpmn:subProcess>
    <bpmn:intermediateCatchEvent id="wait" name="公示期" jsga:workingDays="5"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
    <bpmn:serviceTask id="notify" name="发送通知" jsga:handler="message.notifyApplicant"/>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="chain"/>
    <bpmn:sequenceFlow id="b" sourceRef="chain" targetRef="sub"/>
    <bpmn:sequenceFlow id="c" sourceRef="sub" targetRef="wait"/>
    <bpmn:sequenceFlow id="d" sourceRef="wait" targetRef="notify"/>
    <bpmn:sequenceFlow id="f" sourceRef="notify" targetRef="e"/>`);
  const model = parseBpmn(xml);

  it('hands the task to each signer in turn, runs the sub-process, waits for the timer and calls the handler', () => {
    let { state } = startInstance(model, { chain: ['科长', '所长'], investigator: 'u9' }, env);
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['科长']);
    state = completeTask(model, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env).state;
    expect(openTasks(state).map((t) => t.assignee)).toEqual(['所长']);
    state = completeTask(model, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env).state;
    expect(openTasks(state).map((t) => [t.nodeId, t.assignee])).toEqual([['investigate', 'u9']]);
    const sub = completeTask(model, state, { taskId: openTasks(state)[0].id, outcome: 'approve' }, env);
    expect(sub.effects).toContainEqual(expect.objectContaining({ kind: 'timer_set', nodeId: 'wait', timer: { workingDays: 5 } }));
    const timerToken = sub.effects.find((e) => e.kind === 'timer_set') as { tokenId: string };
    const fired = fireTimer(model, sub.state, timerToken.tokenId, env);
    expect(fired.effects).toContainEqual({ kind: 'service_called', nodeId: 'notify', handler: 'message.notifyApplicant' });
    expect(fired.state.status).toBe('completed');
    expect(fireTimer(model, fired.state, timerToken.tokenId, env).effects).toEqual([]); // a late duplicate timer does nothing
  });
});

describe('BPMN validation', () => {
  it('explains in Chinese what is wrong with a definition', () => {
    const bad = defs(`
      <bpmn:startEvent id="s"/>
      <bpmn:userTask id="t" name="无人办理"/>
      <bpmn:exclusiveGateway id="g" name="判断"/>
      <bpmn:inclusiveGateway id="ig"/>
      <bpmn:endEvent id="e"/>
      <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="t"/>
      <bpmn:sequenceFlow id="b" sourceRef="t" targetRef="g"/>
      <bpmn:sequenceFlow id="c" sourceRef="g" targetRef="e"><bpmn:conditionExpression>\${x &gt;}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="d" sourceRef="g" targetRef="e"/>`);
    try {
      parseBpmn(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BpmnError);
      const problems = (e as BpmnError).problems.join('\n');
      expect(problems).toContain('不支持的流程元素 inclusiveGateway');
      expect(problems).toContain('无人办理（t） 未配置办理人');
      expect(problems).toContain('连线 c 的条件有误');
      expect(problems).toContain('既无条件也不是默认分支');
    }
  });

  it('refuses DOCTYPE (entity bombs) and non-BPMN XML', () => {
    expect(() => parseBpmn('<!DOCTYPE x [<!ENTITY a "aaaa">]><x/>')).toThrow(/DOCTYPE/);
    expect(() => parseBpmn('<html/>')).toThrow(/definitions/);
  });
});
