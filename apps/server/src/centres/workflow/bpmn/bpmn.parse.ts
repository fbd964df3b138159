import { checkExpression, FieldAccessSchema } from '@jsga/form-engine';
import type { FlowNode, NodeType, ProcessModel, SequenceFlow } from './process-model';
import { BPMN_NS, parseXml, type XmlElement } from './xml-tree';

export class BpmnError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('；'));
    this.name = 'BpmnError';
  }
}

const NODE_TYPES: Record<string, NodeType> = {
  startEvent: 'startEvent', endEvent: 'endEvent', userTask: 'userTask', serviceTask: 'serviceTask',
  exclusiveGateway: 'exclusiveGateway', parallelGateway: 'parallelGateway', subProcess: 'subProcess',
};
const IGNORED = new Set(['extensionElements', 'documentation', 'laneSet', 'incoming', 'outgoing', 'textAnnotation', 'association', 'dataObjectReference', 'dataObject']);

const child = (el: XmlElement, local: string) => el.children.find((c) => c.uri === BPMN_NS && c.local === local);

/** Parses BPMN 2.0 XML (one executable process, our `jsga:` extension attributes) into a checked model. */
export function parseBpmn(xml: string): ProcessModel {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    throw new BpmnError([`XML 无法解析：${e instanceof Error ? e.message : String(e)}`]);
  }
  if (root.uri !== BPMN_NS || root.local !== 'definitions') throw new BpmnError(['根元素须为 BPMN 2.0 的 definitions']);
  const processes = root.children.filter((c) => c.uri === BPMN_NS && c.local === 'process');
  const process = processes.find((p) => p.attrs.isExecutable !== 'false') ?? processes[0];
  if (!process) throw new BpmnError(['未找到 process 元素']);

  const problems: string[] = [];
  const nodes: Record<string, FlowNode> = {};
  const flows: Record<string, SequenceFlow> = {};

  const collect = (container: XmlElement, parentId: string | null) => {
    for (const el of container.children) {
      if (el.uri !== BPMN_NS || IGNORED.has(el.local)) continue;
      const id = el.attrs.id;
      if (!id) { problems.push(`${el.local} 缺少 id`); continue; }
      if (nodes[id] || flows[id]) { problems.push(`id“${id}”重复`); continue; }
      if (el.local === 'sequenceFlow') {
        const cond = child(el, 'conditionExpression')?.text.trim();
        flows[id] = { id, source: el.attrs.sourceRef, target: el.attrs.targetRef, ...(cond ? { condition: stripJuel(cond) } : {}), ...(el.attrs.name ? { name: el.attrs.name } : {}) };
        continue;
      }
      let type = NODE_TYPES[el.local];
      if (el.local === 'intermediateCatchEvent' && child(el, 'timerEventDefinition')) type = 'timerEvent';
      if (!type) { problems.push(`不支持的流程元素 ${el.local}（${id}）`); continue; }
      const node: FlowNode = { id, name: el.attrs.name ?? id, type, incoming: [], outgoing: [], parentId };
      if (el.attrs.default) node.defaultFlow = el.attrs.default;
      readExtensions(el, node, problems);
      nodes[id] = node;
      if (type === 'subProcess') collect(el, id);
    }
  };
  collect(process, null);

  for (const f of Object.values(flows)) {
    const s = nodes[f.source], t = nodes[f.target];
    if (!s || !t) { problems.push(`连线 ${f.id} 的起点或终点不存在`); continue; }
    if (s.parentId !== t.parentId) problems.push(`连线 ${f.id} 跨越了子流程边界`);
    s.outgoing.push(f.id);
    t.incoming.push(f.id);
    if (f.condition) { const err = checkExpression(f.condition); if (err) problems.push(`连线 ${f.id} 的条件有误：${err}`); }
  }
  const starts = Object.values(nodes).filter((n) => n.type === 'startEvent' && n.parentId === null);
  if (starts.length !== 1) problems.push('顶层须有且只有一个开始事件');
  for (const n of Object.values(nodes)) problems.push(...nodeProblems(n, nodes, flows));
  if (problems.length) throw new BpmnError(problems);
  return { id: process.attrs.id, name: process.attrs.name ?? process.attrs.id, nodes, flows, startId: starts[0].id };
}

/** Modellers write `${amount > 100}`; our expression language takes the inside. */
const stripJuel = (s: string) => { const m = /^\$\{([\s\S]*)\}$/.exec(s); return (m ? m[1] : s).trim(); };

function readExtensions(el: XmlElement, node: FlowNode, problems: string[]) {
  const a = el.attrs;
  if (node.type === 'userTask') {
    node.assignment = {
      ...(a['jsga:candidateRole'] ? { role: a['jsga:candidateRole'] } : {}),
      ...(a['jsga:orgRelation'] ? { orgRelation: a['jsga:orgRelation'] as 'accepting' } : {}),
      ...(a['jsga:orgId'] ? { orgId: a['jsga:orgId'] } : {}),
      ...(a['jsga:assignee'] ? { assignee: stripJuel(a['jsga:assignee']) } : {}),
    };
    if (a['jsga:limitDays']) node.limitDays = Number(a['jsga:limitDays']);
    if (a['jsga:formAccess']) {
      let parsed: unknown;
      try { parsed = JSON.parse(a['jsga:formAccess']); } catch { problems.push(`${node.id} 的 formAccess 不是合法 JSON`); }
      if (parsed !== undefined) {
        const access = FieldAccessSchema.safeParse(parsed);
        if (access.success) node.formAccess = access.data;
        else problems.push(`${node.id} 的 formAccess 应为 {"字段标识":"edit|readonly|hidden"}，"*" 为其余字段的默认值`);
      }
    }
    const mi = child(el, 'multiInstanceLoopCharacteristics');
    if (mi) {
      const completion = child(mi, 'completionCondition')?.text.trim();
      node.multiInstance = {
        sequential: mi.attrs.isSequential === 'true',
        collection: stripJuel(mi.attrs['jsga:collection'] ?? mi.attrs.collection ?? ''),
        ...(completion ? { completionCondition: stripJuel(completion) } : {}),
      };
    }
  }
  if (node.type === 'serviceTask') node.handler = a['jsga:handler'];
  if (node.type === 'timerEvent') {
    const def = child(el, 'timerEventDefinition')!;
    const duration = child(def, 'timeDuration')?.text.trim();
    node.timer = a['jsga:workingDays'] ? { workingDays: Number(a['jsga:workingDays']) } : duration ? { duration } : {};
  }
}

function nodeProblems(n: FlowNode, nodes: Record<string, FlowNode>, flows: Record<string, SequenceFlow>): string[] {
  const out: string[] = [];
  const label = `${n.name}（${n.id}）`;
  if (n.type !== 'startEvent' && n.incoming.length === 0) out.push(`${label} 没有进入的连线`);
  if (n.type !== 'endEvent' && n.outgoing.length === 0) out.push(`${label} 没有离开的连线`);
  if (n.type === 'exclusiveGateway' && n.outgoing.length > 1) {
    const unconditional = n.outgoing.filter((f) => !flows[f].condition && f !== n.defaultFlow);
    if (unconditional.length) out.push(`${label} 的分支 ${unconditional.join('、')} 既无条件也不是默认分支`);
  }
  if (n.defaultFlow && !n.outgoing.includes(n.defaultFlow)) out.push(`${label} 的默认分支不是它的出线`);
  if (n.type === 'userTask' && !n.multiInstance && !n.assignment?.role && !n.assignment?.assignee) out.push(`${label} 未配置办理人`);
  if (n.multiInstance && !n.multiInstance.collection) out.push(`${label} 会签未配置参与人集合`);
  for (const e of [n.multiInstance?.collection, n.multiInstance?.completionCondition, n.assignment?.assignee]) {
    if (e) { const err = checkExpression(e); if (err) out.push(`${label} 的表达式有误：${err}`); }
  }
  if (n.type === 'serviceTask' && !n.handler) out.push(`${label} 未配置处理程序 jsga:handler`);
  if (n.type === 'subProcess' && !Object.values(nodes).some((c) => c.parentId === n.id && c.type === 'startEvent')) out.push(`${label} 缺少开始事件`);
  return out;
}
