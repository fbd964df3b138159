import { stripJuel, type ApprovalChain, type ChainStep, type Countersign } from './chain-model';

/**
 * 审批链 → BPMN 2.0 XML with diagram interchange (so the modeller and the monitor's viewer can draw
 * it), using exactly the attribute names the server's parser reads (see the workflow centre's
 * `bpmn/bpmn.parse.ts` and `testing/bpmn.fixtures.ts`):
 *
 * - user task: `jsga:candidateRole`, `jsga:orgRelation` (accepting | parent | specified), `jsga:orgId`, `jsga:limitDays`;
 * - 会签: `<bpmn:multiInstanceLoopCharacteristics isSequential jsga:collection>` with a `completionCondition`
 *   over nrOfInstances / nrOfApproved / nrOfRejected;
 * - conditions: `<bpmn:conditionExpression>${…}</bpmn:conditionExpression>`; unconditional branches of an
 *   exclusive gateway are its `default` flow.
 *
 * Shape of each step (everything optional but the task):
 *
 *   ─▶ ◇ 是否需要X ──条件──▶ [X] ─▶ ◇ X结果 ──通过──▶ ◇ ─▶ …
 *        └────────── 否则跳过 ──────────────────────┘
 *                                    └─不通过─▶ ○ 不予通过
 *
 * The chain itself is kept in the process's `<bpmn:extensionElements><jsga:chain>` (JSON), which the
 * server ignores, so the designer can open it again. The modeller drops it once the diagram is edited.
 */

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
export const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
export const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const JSGA_NS = 'http://jsga.gov.cn/schema/bpmn';

// ---------------------------------------------------------------- completion / result conditions

const pct = (p: number) => String(p / 100);

/** When a 会签 step may stop early (default: when every participant has acted). */
export function completionConditionOf(cs: Countersign): string | null {
  switch (cs.mode) {
    case 'all':
    case 'sequential':
      return 'nrOfRejected > 0';
    case 'any':
      return 'nrOfApproved >= 1';
    case 'ratio': {
      const p = cs.ratio ?? 100;
      return `nrOfApproved / nrOfInstances >= ${pct(p)} || nrOfRejected / nrOfInstances > ${pct(100 - p)}`;
    }
  }
}

/**
 * The condition, evaluated after the step, under which the step's outcome is 不通过. A plain task
 * leaves `lastOutcome`; a 会签 leaves its counters in `<nodeId>_result`.
 */
export function rejectConditionOf(step: Pick<ChainStep, 'id' | 'countersign'>): string {
  const cs = step.countersign;
  if (!cs) return "lastOutcome == 'reject'";
  const r = `${step.id}_result`;
  switch (cs.mode) {
    case 'all':
    case 'sequential':
      return `${r}.nrOfRejected > 0`;
    case 'any':
      return `${r}.nrOfApproved == 0`;
    case 'ratio':
      return `${r}.nrOfApproved / ${r}.nrOfInstances < ${pct(cs.ratio ?? 100)}`;
  }
}

// ---------------------------------------------------------------- layout

const CY = 220; // centre line of the main path
const GAP = 60;
const BYPASS_Y = CY - 120;
const REJECT_CY = CY + 130;
const SIZE = { event: { w: 36, h: 36 }, gateway: { w: 50, h: 50 }, task: { w: 100, h: 80 } } as const;

type Kind = 'start' | 'end' | 'task' | 'gateway';
interface LaidNode {
  id: string;
  kind: Kind;
  name?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  step?: ChainStep;
  defaultFlow?: string;
  incoming: string[];
  outgoing: string[];
}
interface LaidFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  condition?: string;
  points: [number, number][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '' : ` ${name}="${esc(String(value))}"`);
const juel = (expr: string) => `\${${stripJuel(expr)}}`;

function layout(chain: ApprovalChain) {
  const nodes: LaidNode[] = [];
  const flows: LaidFlow[] = [];
  const byId = new Map<string, LaidNode>();
  let x = 160;

  const place = (id: string, kind: Kind, name?: string, step?: ChainStep): LaidNode => {
    const size = kind === 'task' ? SIZE.task : kind === 'gateway' ? SIZE.gateway : SIZE.event;
    const n: LaidNode = { id, kind, name, x, y: CY - size.h / 2, w: size.w, h: size.h, step, incoming: [], outgoing: [] };
    x += size.w + GAP;
    nodes.push(n);
    byId.set(id, n);
    return n;
  };
  const connect = (source: LaidNode, target: LaidNode, opts: { name?: string; condition?: string; isDefault?: boolean; points?: [number, number][] } = {}) => {
    const id = `flow_${source.id}_${target.id}`;
    const points = opts.points ?? [[source.x + source.w, CY], [target.x, CY]];
    flows.push({ id, source: source.id, target: target.id, name: opts.name, condition: opts.condition, points });
    source.outgoing.push(id);
    target.incoming.push(id);
    if (opts.isDefault) source.defaultFlow = id;
  };
  const cx = (n: LaidNode) => n.x + n.w / 2;

  let prev = place('start', 'start', '开始');
  /** How the next main-line flow leaves `prev`: the default branch of a result gateway is 通过. */
  let pendingMain: { name?: string; isDefault?: boolean } = {};

  for (const step of chain.steps) {
    const name = step.name.trim();
    const condition = step.condition?.trim() ? stripJuel(step.condition) : null;
    let choice: LaidNode | null = null;
    if (condition) {
      choice = place(`${step.id}_gw`, 'gateway', `是否需要${name}`);
      connect(prev, choice, pendingMain);
      pendingMain = {};
    }
    const task = place(step.id, 'task', name, step);
    if (choice) connect(choice, task, { name: condition ?? undefined, condition: condition ?? undefined });
    else connect(prev, task, pendingMain);
    pendingMain = {};
    prev = task;

    if (chain.rejectEnds) {
      const check = place(`${step.id}_check`, 'gateway', `${name}结果`);
      connect(prev, check);
      const endX = cx(check) - SIZE.event.w / 2;
      const rejected: LaidNode = { id: `${step.id}_rejected`, kind: 'end', name: '不予通过', x: endX, y: REJECT_CY - SIZE.event.h / 2, w: SIZE.event.w, h: SIZE.event.h, incoming: [], outgoing: [] };
      nodes.push(rejected);
      byId.set(rejected.id, rejected);
      connect(check, rejected, { name: '不通过', condition: rejectConditionOf(step), points: [[cx(check), CY + SIZE.gateway.h / 2], [cx(check), rejected.y]] });
      prev = check;
      pendingMain = { name: '通过', isDefault: true };
    }

    if (choice) {
      const merge = place(`${step.id}_merge`, 'gateway');
      connect(prev, merge, pendingMain);
      pendingMain = {};
      connect(choice, merge, {
        name: '否则跳过',
        isDefault: true,
        points: [[cx(choice), CY - SIZE.gateway.h / 2], [cx(choice), BYPASS_Y], [cx(merge), BYPASS_Y], [cx(merge), CY - SIZE.gateway.h / 2]],
      });
      prev = merge;
    }
  }
  const end = place('end', 'end', '办结');
  connect(prev, end, pendingMain);
  return { nodes, flows, byId };
}

// ---------------------------------------------------------------- XML

function userTaskXml(n: LaidNode, refs: string): string {
  const s = n.step!;
  const attrs =
    attr('id', n.id) +
    attr('name', n.name) +
    attr('jsga:candidateRole', s.role) +
    attr('jsga:orgRelation', s.orgRelation) +
    attr('jsga:orgId', s.orgRelation === 'specified' ? s.orgId : null) +
    attr('jsga:limitDays', s.limitDays ?? null);
  let mi = '';
  if (s.countersign) {
    const cs = s.countersign;
    const completion = completionConditionOf(cs);
    mi =
      `\n      <bpmn:multiInstanceLoopCharacteristics${attr('isSequential', cs.mode === 'sequential' ? 'true' : 'false')}${attr('jsga:collection', stripJuel(cs.collection))}>` +
      (completion ? `\n        <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(juel(completion))}</bpmn:completionCondition>` : '') +
      `\n      </bpmn:multiInstanceLoopCharacteristics>`;
  }
  return `    <bpmn:userTask${attrs}>${refs}${mi}\n    </bpmn:userTask>`;
}

function nodeXml(n: LaidNode): string {
  const refs = [...n.incoming.map((f) => `\n      <bpmn:incoming>${f}</bpmn:incoming>`), ...n.outgoing.map((f) => `\n      <bpmn:outgoing>${f}</bpmn:outgoing>`)].join('');
  switch (n.kind) {
    case 'start':
      return `    <bpmn:startEvent${attr('id', n.id)}${attr('name', n.name)}>${refs}\n    </bpmn:startEvent>`;
    case 'end':
      return `    <bpmn:endEvent${attr('id', n.id)}${attr('name', n.name)}>${refs}\n    </bpmn:endEvent>`;
    case 'gateway':
      return `    <bpmn:exclusiveGateway${attr('id', n.id)}${attr('name', n.name)}${attr('default', n.defaultFlow)}>${refs}\n    </bpmn:exclusiveGateway>`;
    case 'task':
      return userTaskXml(n, refs);
  }
}

function flowXml(f: LaidFlow): string {
  const open = `    <bpmn:sequenceFlow${attr('id', f.id)}${attr('name', f.name)}${attr('sourceRef', f.source)}${attr('targetRef', f.target)}`;
  if (!f.condition) return `${open} />`;
  return `${open}>\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(juel(f.condition))}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`;
}

const bounds = (x: number, y: number, w: number, h: number) => `<dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" />`;

function shapeXml(n: LaidNode): string {
  const marker = n.kind === 'gateway' ? ' isMarkerVisible="true"' : '';
  // The result gateway's 不通过 branch leaves downwards, so its label sits above it; others below.
  const labelY = n.kind === 'gateway' && n.id.endsWith('_check') ? n.y - 20 : n.y + n.h + 5;
  const label = n.kind === 'task' || !n.name ? '' : `\n        <bpmndi:BPMNLabel>\n          ${bounds(n.x + n.w / 2 - 40, labelY, 80, 14)}\n        </bpmndi:BPMNLabel>`;
  return `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${marker}>\n        ${bounds(n.x, n.y, n.w, n.h)}${label}\n      </bpmndi:BPMNShape>`;
}

/** Rough rendered width of a label (bpmn-js draws 11px text; CJK characters are about twice as wide). */
const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 7), 0);

function edgeXml(f: LaidFlow): string {
  const wps = f.points.map(([x, y]) => `\n        <di:waypoint x="${x}" y="${y}" />`).join('');
  let label = '';
  if (f.name) {
    // on the bypass, the long top segment; otherwise the first segment
    const [[x1, y1], [x2, y2]] = f.points.length > 2 ? [f.points[1], f.points[2]] : [f.points[0], f.points[1]];
    const w = textWidth(f.name);
    const horizontal = y1 === y2;
    const lx = horizontal ? (x1 + x2) / 2 - w / 2 : x1 + 6;
    const ly = horizontal ? y1 - 20 : (y1 + y2) / 2 - 7;
    label = `\n        <bpmndi:BPMNLabel>\n          ${bounds(Math.round(lx), Math.round(ly), w, 14)}\n        </bpmndi:BPMNLabel>`;
  }
  return `      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${wps}${label}\n      </bpmndi:BPMNEdge>`;
}

/** The chain as it is stored inside the process (JSON text of `<jsga:chain>`). */
const chainJson = (chain: ApprovalChain) =>
  JSON.stringify({
    v: 1,
    rejectEnds: chain.rejectEnds,
    steps: chain.steps.map((s) => ({
      id: s.id,
      name: s.name.trim(),
      role: s.role,
      orgRelation: s.orgRelation,
      ...(s.orgRelation === 'specified' && s.orgId ? { orgId: s.orgId } : {}),
      ...(s.limitDays ? { limitDays: s.limitDays } : {}),
      ...(s.countersign
        ? { countersign: { mode: s.countersign.mode, ...(s.countersign.mode === 'ratio' ? { ratio: s.countersign.ratio } : {}), collection: stripJuel(s.countersign.collection) } }
        : {}),
      ...(s.condition?.trim() ? { condition: stripJuel(s.condition) } : {}),
    })),
  });

/** Generates the BPMN XML of a chain. The chain should have passed `validateChain`. */
export function chainToBpmn(chain: ApprovalChain): string {
  const { nodes, flows } = layout(chain);
  const pid = chain.processId;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="${BPMNDI_NS}" xmlns:dc="${DC_NS}" xmlns:di="${DI_NS}" xmlns:xsi="${XSI_NS}" xmlns:jsga="${JSGA_NS}" id="Definitions_${esc(pid)}" targetNamespace="http://jsga.gov.cn/bpmn" exporter="jsga-approval-chain" exporterVersion="1">
  <bpmn:process${attr('id', pid)}${attr('name', chain.name.trim())} isExecutable="true">
    <bpmn:extensionElements>
      <jsga:chain>${esc(chainJson(chain))}</jsga:chain>
    </bpmn:extensionElements>
${nodes.map(nodeXml).join('\n')}
${flows.map(flowXml).join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_${esc(pid)}">
    <bpmndi:BPMNPlane id="BPMNPlane_${esc(pid)}" bpmnElement="${esc(pid)}">
${nodes.map(shapeXml).join('\n')}
${flows.map(edgeXml).join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

// ---------------------------------------------------------------- reading a chain back

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * The chain stored in a process generated by `chainToBpmn`, or null when the XML has none (a process
 * drawn in the modeller, or a chain edited there afterwards).
 */
export function chainFromBpmn(xml: string): ApprovalChain | null {
  let doc: Document;
  try {
    doc = new DOMParser().parseFromString(xml, 'application/xml');
  } catch {
    return null;
  }
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  const process = Array.from(doc.getElementsByTagNameNS(BPMN_NS, 'process'))[0];
  const el = doc.getElementsByTagNameNS(JSGA_NS, 'chain')[0];
  if (!process || !el) return null;
  let data: unknown;
  try {
    data = JSON.parse(el.textContent ?? '');
  } catch {
    return null;
  }
  if (!isObj(data) || !Array.isArray(data.steps)) return null;
  const steps: ChainStep[] = [];
  for (const raw of data.steps) {
    if (!isObj(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string') return null;
    const cs = isObj(raw.countersign) ? raw.countersign : null;
    steps.push({
      id: raw.id,
      name: raw.name,
      role: typeof raw.role === 'string' ? raw.role : '',
      orgRelation: raw.orgRelation === 'parent' || raw.orgRelation === 'specified' ? raw.orgRelation : 'accepting',
      orgId: typeof raw.orgId === 'string' ? raw.orgId : null,
      limitDays: typeof raw.limitDays === 'number' ? raw.limitDays : null,
      condition: typeof raw.condition === 'string' ? raw.condition : null,
      countersign:
        cs && (cs.mode === 'all' || cs.mode === 'any' || cs.mode === 'ratio' || cs.mode === 'sequential')
          ? { mode: cs.mode, ...(typeof cs.ratio === 'number' ? { ratio: cs.ratio } : {}), collection: typeof cs.collection === 'string' ? cs.collection : '' }
          : null,
    });
  }
  return {
    processId: process.getAttribute('id') ?? 'approval',
    name: process.getAttribute('name') ?? '',
    steps,
    rejectEnds: data.rejectEnds !== false,
  };
}
