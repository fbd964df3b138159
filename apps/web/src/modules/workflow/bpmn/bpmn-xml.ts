import { BPMN_NS } from '../chain/chain-to-bpmn';

/** A new process: one start event, drawn, ready for the palette. */
export function blankProcessXml(processId = 'Process_1', name = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="Definitions_1" targetNamespace="http://jsga.gov.cn/bpmn">
  <bpmn:process id="${processId}"${name ? ` name="${name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"` : ''} isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

export interface FlowNodeInfo {
  id: string;
  name: string;
  type: string;
}

const NODE_TYPES = new Set(['startEvent', 'endEvent', 'userTask', 'serviceTask', 'exclusiveGateway', 'parallelGateway', 'intermediateCatchEvent', 'subProcess', 'task']);

/** The flow nodes of a BPMN document (all levels), for node mapping and labels. */
export function listFlowNodes(xml: string): FlowNodeInfo[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return [];
  return Array.from(doc.getElementsByTagNameNS(BPMN_NS, '*'))
    .filter((e) => NODE_TYPES.has(e.localName) && e.getAttribute('id'))
    .map((e) => ({ id: e.getAttribute('id')!, name: e.getAttribute('name') || e.getAttribute('id')!, type: e.localName }));
}

/** Reads an uploaded .bpmn/.xml file as text. */
export function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Offers a text as a file download. */
export function downloadText(filename: string, text: string, type = 'application/xml'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
