/**
 * Writes a small process, placed on a grid, as BPMN 2.0 XML with diagram interchange, so the
 * bpmn-js modeller and the monitor can draw it. Attribute names are exactly those bpmn/bpmn.parse.ts
 * reads (jsga:candidateRole, jsga:orgRelation, jsga:limitDays, jsga:formAccess).
 */

export type SeedNode = {
  id: string;
  kind: 'start' | 'end' | 'task' | 'xor';
  /** Empty for a merging gateway (drawn without a label). */
  name: string;
  /** Grid column (left to right) and row (0 is the main line; -1 above, 1 below). */
  col: number;
  row?: number;
  role?: string;
  orgRelation?: 'accepting' | 'parent';
  limitDays?: number;
  formAccess?: Record<string, 'edit' | 'readonly' | 'hidden'>;
};
export type SeedFlow = { from: string; to: string; name?: string; condition?: string; isDefault?: boolean };
export type SeedProcess = { key: string; name: string; documentation: string; nodes: SeedNode[]; flows: SeedFlow[] };

const COL = 150;
const ROW = 130;
const X0 = 120;
const Y0 = 230;
const SIZE = { start: [36, 36], end: [36, 36], task: [100, 80], xor: [50, 50] } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (name: string, v: string | number | undefined) => (v === undefined || v === '' ? '' : ` ${name}="${esc(String(v))}"`);
const flowId = (f: SeedFlow) => `flow_${f.from}_${f.to}`;

type Box = { x: number; y: number; w: number; h: number; cx: number; cy: number };
const boxOf = (n: SeedNode): Box => {
  const [w, h] = SIZE[n.kind];
  const cx = X0 + n.col * COL + 50;
  const cy = Y0 + (n.row ?? 0) * ROW;
  return { x: cx - w / 2, y: cy - h / 2, w, h, cx, cy };
};

/** Orthogonal waypoints: a gateway leaves vertically towards another row; anything else joins it from above or below. */
function waypoints(s: Box, t: Box, sourceIsGateway: boolean): Array<[number, number]> {
  if (s.cy === t.cy) return [[s.x + s.w, s.cy], [t.x, t.cy]];
  const down = t.cy > s.cy;
  if (s.cx === t.cx) return [[s.cx, down ? s.y + s.h : s.y], [t.cx, down ? t.y : t.y + t.h]];
  if (sourceIsGateway) return [[s.cx, down ? s.y + s.h : s.y], [s.cx, t.cy], [t.x, t.cy]];
  return [[s.x + s.w, s.cy], [t.cx, s.cy], [t.cx, down ? t.y : t.y + t.h]];
}

export function toBpmnXml(p: SeedProcess): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const incoming = (id: string) => p.flows.filter((f) => f.to === id).map(flowId);
  const outgoing = (id: string) => p.flows.filter((f) => f.from === id).map(flowId);
  const refs = (id: string) => [...incoming(id).map((f) => `\n      <bpmn:incoming>${f}</bpmn:incoming>`), ...outgoing(id).map((f) => `\n      <bpmn:outgoing>${f}</bpmn:outgoing>`)].join('');

  const nodeXml = (n: SeedNode) => {
    const common = `${attr('id', n.id)}${attr('name', n.name)}`;
    switch (n.kind) {
      case 'start': return `    <bpmn:startEvent${common}>${refs(n.id)}\n    </bpmn:startEvent>`;
      case 'end': return `    <bpmn:endEvent${common}>${refs(n.id)}\n    </bpmn:endEvent>`;
      case 'xor': {
        const dflt = p.flows.find((f) => f.from === n.id && f.isDefault);
        return `    <bpmn:exclusiveGateway${common}${attr('default', dflt && flowId(dflt))}>${refs(n.id)}\n    </bpmn:exclusiveGateway>`;
      }
      case 'task':
        return `    <bpmn:userTask${common}${attr('jsga:candidateRole', n.role)}${attr('jsga:orgRelation', n.orgRelation)}${attr('jsga:limitDays', n.limitDays)}`
          + `${attr('jsga:formAccess', n.formAccess && JSON.stringify(n.formAccess))}>${refs(n.id)}\n    </bpmn:userTask>`;
    }
  };
  const flowXml = (f: SeedFlow) => {
    const open = `    <bpmn:sequenceFlow${attr('id', flowId(f))}${attr('name', f.name)}${attr('sourceRef', f.from)}${attr('targetRef', f.to)}`;
    return f.condition
      ? `${open}>\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(`\${${f.condition}}`)}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`
      : `${open} />`;
  };
  const bounds = (x: number, y: number, w: number, h: number) => `<dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" />`;
  const shapeXml = (n: SeedNode) => {
    const b = boxOf(n);
    // events carry their name below; gateways above-left, clear of branches leaving them up or down
    const at = n.kind === 'xor' ? [b.x - 70, b.y - 18] : [b.cx - 40, b.y + b.h + 5];
    const label = n.kind === 'task' || !n.name ? '' : `\n        <bpmndi:BPMNLabel>${bounds(at[0], at[1], 80, 14)}</bpmndi:BPMNLabel>`;
    return `      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${n.kind === 'xor' ? ' isMarkerVisible="true"' : ''}>\n        ${bounds(b.x, b.y, b.w, b.h)}${label}\n      </bpmndi:BPMNShape>`;
  };
  const edgeXml = (f: SeedFlow) => {
    const s = byId.get(f.from)!, t = byId.get(f.to)!;
    const pts = waypoints(boxOf(s), boxOf(t), s.kind === 'xor');
    const wps = pts.map(([x, y]) => `\n        <di:waypoint x="${x}" y="${y}" />`).join('');
    const [[x1, y1], [x2, y2]] = pts;
    const label = f.name
      ? `\n        <bpmndi:BPMNLabel>${bounds(Math.round(y1 === y2 ? (x1 + x2) / 2 - 30 : x1 + 6), Math.round(y1 === y2 ? y1 - 20 : (y1 + y2) / 2 - 7), 60, 14)}</bpmndi:BPMNLabel>`
      : '';
    return `      <bpmndi:BPMNEdge id="${flowId(f)}_di" bpmnElement="${flowId(f)}">${wps}${label}\n      </bpmndi:BPMNEdge>`;
  };

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="Definitions_${p.key}" targetNamespace="http://jsga.gov.cn/bpmn">
  <bpmn:process${attr('id', p.key)}${attr('name', p.name)} isExecutable="true">
    <bpmn:documentation>${esc(p.documentation)}</bpmn:documentation>
${p.nodes.map(nodeXml).join('\n')}
${p.flows.map(flowXml).join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_${p.key}">
    <bpmndi:BPMNPlane id="BPMNPlane_${p.key}" bpmnElement="${p.key}">
${p.nodes.map(shapeXml).join('\n')}
${p.flows.map(edgeXml).join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
