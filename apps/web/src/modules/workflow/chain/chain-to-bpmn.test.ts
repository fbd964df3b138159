import { describe, expect, it } from 'vitest';
import { checkExpression, evaluateBoolean } from '@jsga/form-engine';
import { defaultChain, newStep, stripJuel, validateChain, type ApprovalChain } from './chain-model';
import { BPMN_NS, BPMNDI_NS, chainFromBpmn, chainToBpmn, completionConditionOf, JSGA_NS, rejectConditionOf } from './chain-to-bpmn';

const parse = (xml: string) => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
};
const bpmn = (root: Document | Element, local: string) => Array.from(root.getElementsByTagNameNS(BPMN_NS, local));
const byId = (doc: Document, id: string) => bpmn(doc, '*').find((e) => e.getAttribute('id') === id);
const jsga = (el: Element | undefined, name: string) => el?.getAttributeNS(JSGA_NS, name) ?? null;
const env = { today: '2026-01-01' };

/**
 * The structural rules of the server's parser (workflow centre, bpmn/bpmn.parse.ts), re-checked on the
 * DOM: one executable process, supported elements only, connected flows, every node reachable in and
 * out, exclusive branches conditional or default, user tasks with a handler, expressions valid.
 */
function serverRuleProblems(doc: Document): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  if (root.namespaceURI !== BPMN_NS || root.localName !== 'definitions') problems.push('root');
  const processes = bpmn(doc, 'process');
  if (processes.length !== 1 || processes[0].getAttribute('isExecutable') !== 'true') problems.push('process');
  const supported = new Set(['startEvent', 'endEvent', 'userTask', 'serviceTask', 'exclusiveGateway', 'parallelGateway', 'sequenceFlow']);
  const nodes = new Map<string, { el: Element; incoming: string[]; outgoing: string[] }>();
  const flows = new Map<string, Element>();
  for (const el of Array.from(processes[0].children)) {
    if (el.namespaceURI !== BPMN_NS || el.localName === 'extensionElements') continue;
    const id = el.getAttribute('id');
    if (!id) { problems.push(`${el.localName} without id`); continue; }
    if (nodes.has(id) || flows.has(id)) problems.push(`duplicate id ${id}`);
    if (!supported.has(el.localName)) problems.push(`unsupported ${el.localName}`);
    if (el.localName === 'sequenceFlow') flows.set(id, el);
    else nodes.set(id, { el, incoming: [], outgoing: [] });
  }
  for (const [id, f] of flows) {
    const s = nodes.get(f.getAttribute('sourceRef') ?? ''), t = nodes.get(f.getAttribute('targetRef') ?? '');
    if (!s || !t) { problems.push(`dangling ${id}`); continue; }
    s.outgoing.push(id);
    t.incoming.push(id);
    const cond = bpmn(f, 'conditionExpression')[0]?.textContent?.trim();
    if (cond) { const err = checkExpression(stripJuel(cond)); if (err) problems.push(`${id}: ${err}`); }
  }
  const starts = [...nodes.values()].filter((n) => n.el.localName === 'startEvent');
  if (starts.length !== 1) problems.push('start events');
  for (const [id, n] of nodes) {
    const type = n.el.localName;
    if (type !== 'startEvent' && n.incoming.length === 0) problems.push(`${id} has no incoming`);
    if (type !== 'endEvent' && n.outgoing.length === 0) problems.push(`${id} has no outgoing`);
    const def = n.el.getAttribute('default');
    if (def && !n.outgoing.includes(def)) problems.push(`${id} default is not outgoing`);
    if (type === 'exclusiveGateway' && n.outgoing.length > 1) {
      const bad = n.outgoing.filter((f) => f !== def && !bpmn(flows.get(f)!, 'conditionExpression').length);
      if (bad.length) problems.push(`${id} unconditional ${bad.join(',')}`);
    }
    if (type === 'userTask') {
      const mi = bpmn(n.el, 'multiInstanceLoopCharacteristics')[0];
      if (!mi && !jsga(n.el, 'candidateRole') && !jsga(n.el, 'assignee')) problems.push(`${id} has no handler`);
      if (mi && !jsga(mi, 'collection')) problems.push(`${id} has no collection`);
      for (const e of [jsga(mi, 'collection'), mi && bpmn(mi, 'completionCondition')[0]?.textContent]) {
        if (e) { const err = checkExpression(stripJuel(e)); if (err) problems.push(`${id}: ${err}`); }
      }
    }
  }
  // diagram interchange: every node has a shape, every flow an edge
  const drawn = new Set(Array.from(doc.getElementsByTagNameNS(BPMNDI_NS, '*')).map((e) => e.getAttribute('bpmnElement')));
  for (const id of [...nodes.keys(), ...flows.keys()]) if (!drawn.has(id)) problems.push(`${id} not drawn`);
  return problems;
}

/** The main path from the start event, following default (or only) branches. */
function mainPath(doc: Document): string[] {
  const flows = bpmn(doc, 'sequenceFlow');
  const path: string[] = [];
  let cur: string | null = 'start';
  while (cur && path.length < 100) {
    path.push(cur);
    const el: Element = byId(doc, cur)!;
    const out = flows.filter((f) => f.getAttribute('sourceRef') === cur);
    const next: Element | undefined = out.length === 1 ? out[0] : out.find((f): boolean => f.getAttribute('id') === el.getAttribute('default'));
    cur = next?.getAttribute('targetRef') ?? null;
  }
  return path;
}

function chainOf(over: Partial<ApprovalChain> = {}): ApprovalChain {
  return { ...defaultChain('hukou_move', '户口迁移审批'), ...over };
}

describe('approval chain → BPMN', () => {
  it('turns 受理 → 审核 → 审批 into three user tasks with the parser\'s jsga attributes, in order, with diagram interchange', () => {
    const doc = parse(chainToBpmn(chainOf()));
    const process = bpmn(doc, 'process')[0];
    expect(process.getAttribute('id')).toBe('hukou_move');
    expect(process.getAttribute('name')).toBe('户口迁移审批');
    const tasks = bpmn(doc, 'userTask');
    expect(tasks.map((t) => t.getAttribute('name'))).toEqual(['受理', '审核', '审批']);
    expect(tasks.map((t) => [jsga(t, 'candidateRole'), jsga(t, 'orgRelation'), jsga(t, 'limitDays')])).toEqual([
      ['window_officer', 'accepting', '1'],
      ['approver', 'accepting', '3'],
      ['approver', 'accepting', '2'],
    ]);
    // attributes written with the jsga prefix, exactly as in the server fixtures
    expect(chainToBpmn(chainOf())).toContain('jsga:candidateRole="window_officer" jsga:orgRelation="accepting" jsga:limitDays="1"');
    expect(mainPath(doc)).toEqual(['start', 'step_1', 'step_1_check', 'step_2', 'step_2_check', 'step_3', 'step_3_check', 'end']);
    expect(serverRuleProblems(doc)).toEqual([]);
    const shapes = Array.from(doc.getElementsByTagNameNS(BPMNDI_NS, 'BPMNShape'));
    const taskShape = shapes.find((s) => s.getAttribute('bpmnElement') === 'step_2')!;
    expect(taskShape.firstElementChild?.getAttribute('width')).toBe('100');
    expect(doc.getElementsByTagNameNS(BPMNDI_NS, 'BPMNPlane')[0].getAttribute('bpmnElement')).toBe('hukou_move');
  });

  it('ends the process at 不予通过 when a step is not approved, and continues on the default 通过 branch', () => {
    const doc = parse(chainToBpmn(chainOf()));
    const check = byId(doc, 'step_2_check')!;
    expect(check.localName).toBe('exclusiveGateway');
    const out = bpmn(doc, 'sequenceFlow').filter((f) => f.getAttribute('sourceRef') === 'step_2_check');
    const reject = out.find((f) => f.getAttribute('targetRef') === 'step_2_rejected')!;
    expect(reject.getAttribute('name')).toBe('不通过');
    expect(bpmn(reject, 'conditionExpression')[0].textContent).toBe("${lastOutcome == 'reject'}");
    expect(byId(doc, 'step_2_rejected')!.localName).toBe('endEvent');
    const pass = out.find((f) => f.getAttribute('id') === check.getAttribute('default'))!;
    expect(pass.getAttribute('targetRef')).toBe('step_3');
    expect(pass.getAttribute('name')).toBe('通过');
    expect(evaluateBoolean("lastOutcome == 'reject'", { lastOutcome: 'reject' }, env)).toBe(true);
    expect(evaluateBoolean("lastOutcome == 'reject'", { lastOutcome: 'approve' }, env)).toBe(false);
  });

  it('without “不通过即结束” the chain is a straight line', () => {
    const doc = parse(chainToBpmn(chainOf({ rejectEnds: false })));
    expect(mainPath(doc)).toEqual(['start', 'step_1', 'step_2', 'step_3', 'end']);
    expect(bpmn(doc, 'exclusiveGateway')).toHaveLength(0);
    expect(serverRuleProblems(doc)).toEqual([]);
  });

  it('writes a 会签 by ratio as a parallel multi-instance with jsga:collection and a completion condition', () => {
    const chain = chainOf();
    chain.steps[1] = { ...chain.steps[1], countersign: { mode: 'ratio', ratio: 60, collection: '${reviewers}' } };
    const doc = parse(chainToBpmn(chain));
    const mi = bpmn(byId(doc, 'step_2')!, 'multiInstanceLoopCharacteristics')[0];
    expect(mi.getAttribute('isSequential')).toBe('false');
    expect(jsga(mi, 'collection')).toBe('reviewers');
    const completion = bpmn(mi, 'completionCondition')[0].textContent!;
    expect(completion).toBe('${nrOfApproved / nrOfInstances >= 0.6 || nrOfRejected / nrOfInstances > 0.4}');
    expect(serverRuleProblems(doc)).toEqual([]);

    // 3 of 5 approve → done and passed; 3 of 5 reject → done and not passed
    const cond = stripJuel(completion);
    const reject = rejectConditionOf(chain.steps[1]);
    expect(evaluateBoolean(cond, { nrOfInstances: 5, nrOfApproved: 3, nrOfRejected: 0 }, env)).toBe(true);
    expect(evaluateBoolean(cond, { nrOfInstances: 5, nrOfApproved: 2, nrOfRejected: 1 }, env)).toBe(false);
    expect(evaluateBoolean(reject, { step_2_result: { nrOfInstances: 5, nrOfApproved: 3, nrOfRejected: 0 } }, env)).toBe(false);
    expect(evaluateBoolean(cond, { nrOfInstances: 5, nrOfApproved: 0, nrOfRejected: 3 }, env)).toBe(true);
    expect(evaluateBoolean(reject, { step_2_result: { nrOfInstances: 5, nrOfApproved: 0, nrOfRejected: 3 } }, env)).toBe(true);
  });

  it('maps the other 会签 modes: 全部通过, 任一通过 and 依次审批 (sequential)', () => {
    expect(completionConditionOf({ mode: 'all', collection: 'r' })).toBe('nrOfRejected > 0');
    expect(completionConditionOf({ mode: 'any', collection: 'r' })).toBe('nrOfApproved >= 1');
    expect(rejectConditionOf({ id: 's', countersign: { mode: 'any', collection: 'r' } })).toBe('s_result.nrOfApproved == 0');
    const chain = chainOf();
    chain.steps[2] = { ...chain.steps[2], countersign: { mode: 'sequential', collection: 'leaders' } };
    const doc = parse(chainToBpmn(chain));
    const mi = bpmn(byId(doc, 'step_3')!, 'multiInstanceLoopCharacteristics')[0];
    expect(mi.getAttribute('isSequential')).toBe('true');
    expect(jsga(mi, 'collection')).toBe('leaders');
    const reject = bpmn(doc, 'sequenceFlow').find((f) => f.getAttribute('targetRef') === 'step_3_rejected')!;
    expect(bpmn(reject, 'conditionExpression')[0].textContent).toBe('${step_3_result.nrOfRejected > 0}');
    expect(serverRuleProblems(doc)).toEqual([]);
  });

  it('guards a conditional step with an exclusive gateway whose default branch skips it', () => {
    const chain = chainOf();
    chain.steps[2] = { ...chain.steps[2], condition: '金额 > 100' };
    const xml = chainToBpmn(chain);
    const doc = parse(xml);
    const gw = byId(doc, 'step_3_gw')!;
    expect(gw.getAttribute('name')).toBe('是否需要审批');
    const out = bpmn(doc, 'sequenceFlow').filter((f) => f.getAttribute('sourceRef') === 'step_3_gw');
    const toTask = out.find((f) => f.getAttribute('targetRef') === 'step_3')!;
    expect(bpmn(toTask, 'conditionExpression')[0].textContent).toBe('${金额 > 100}');
    expect(xml).toContain('${金额 &gt; 100}');
    const skip = out.find((f) => f.getAttribute('id') === gw.getAttribute('default'))!;
    expect(skip.getAttribute('targetRef')).toBe('step_3_merge');
    expect(mainPath(doc)).toEqual(['start', 'step_1', 'step_1_check', 'step_2', 'step_2_check', 'step_3_gw', 'step_3_merge', 'end']);
    expect(serverRuleProblems(doc)).toEqual([]);
    // the skip edge is routed above the main line
    const edge = Array.from(doc.getElementsByTagNameNS(BPMNDI_NS, 'BPMNEdge')).find((e) => e.getAttribute('bpmnElement') === skip.getAttribute('id'))!;
    expect(edge.children.length).toBeGreaterThanOrEqual(4);
  });

  it('writes a specified org and escapes names and expressions', () => {
    const chain = chainOf({ name: '出入境 <加急> & "特办"' });
    chain.steps[0] = { ...chain.steps[0], name: 'A&B', orgRelation: 'specified', orgId: '11111111-1111-4111-8111-111111111111', condition: "类型 == 'X' && 金额 < 5" };
    const doc = parse(chainToBpmn(chain));
    expect(bpmn(doc, 'process')[0].getAttribute('name')).toBe('出入境 <加急> & "特办"');
    const t = byId(doc, 'step_1')!;
    expect(t.getAttribute('name')).toBe('A&B');
    expect(jsga(t, 'orgRelation')).toBe('specified');
    expect(jsga(t, 'orgId')).toBe('11111111-1111-4111-8111-111111111111');
    const cond = bpmn(doc, 'sequenceFlow').find((f) => f.getAttribute('targetRef') === 'step_1')!;
    expect(bpmn(cond, 'conditionExpression')[0].textContent).toBe("${类型 == 'X' && 金额 < 5}");
    expect(serverRuleProblems(doc)).toEqual([]);
  });

  it('keeps the chain inside the process so the designer can open it again', () => {
    const chain = chainOf();
    chain.steps[1] = { ...chain.steps[1], countersign: { mode: 'ratio', ratio: 60, collection: 'reviewers' }, condition: '金额 > 100' };
    chain.steps.push(newStep(chain.steps, { name: '复核', role: 'approver', orgRelation: 'parent' }));
    const xml = chainToBpmn(chain);
    const doc = parse(xml);
    expect(doc.getElementsByTagNameNS(JSGA_NS, 'chain')).toHaveLength(1);
    const back = chainFromBpmn(xml)!;
    expect(back.processId).toBe('hukou_move');
    expect(back.name).toBe('户口迁移审批');
    expect(back.rejectEnds).toBe(true);
    expect(back.steps.map((s) => s.name)).toEqual(['受理', '审核', '审批', '复核']);
    expect(back.steps[1].countersign).toEqual({ mode: 'ratio', ratio: 60, collection: 'reviewers' });
    expect(back.steps[1].condition).toBe('金额 > 100');
    expect(back.steps[3]).toMatchObject({ id: 'step_4', orgRelation: 'parent', role: 'approver' });
    expect(chainToBpmn(back)).toBe(xml);
    expect(chainFromBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"/></bpmn:definitions>')).toBeNull();
    expect(chainFromBpmn('not xml')).toBeNull();
  });
});

describe('approval chain validation', () => {
  it('accepts the default chain and reports missing or wrong settings in Chinese', () => {
    expect(validateChain(chainOf())).toEqual([]);
    const chain = chainOf({ name: ' ' });
    chain.steps[0] = { ...chain.steps[0], name: '', role: '' };
    chain.steps[1] = { ...chain.steps[1], orgRelation: 'specified', orgId: null, condition: '金额 >' };
    chain.steps[2] = { ...chain.steps[2], countersign: { mode: 'ratio', ratio: 150, collection: '' }, limitDays: 0 };
    expect(validateChain(chain)).toEqual([
      '请填写流程名称',
      '第 1 步未填写名称',
      '第 1 步未选择办理角色',
      '第 2 步“审核”选择了指定单位，但未选择单位',
      expect.stringMatching(/^第 2 步“审核”的条件有误：/),
      '第 3 步“审批”的办理时限应为 1–365 个工作日',
      '第 3 步“审批”的会签未填写参与人',
      '第 3 步“审批”的通过比例应为 1–100 的整数',
    ]);
    expect(validateChain(chainOf({ steps: [] }))).toEqual(['至少需要一个审批步骤']);
  });
});
