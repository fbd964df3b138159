import type { FormDefinition } from '@jsga/form-engine';
import { describe, expect, it } from 'vitest';
import { featuredForms } from '../../form/testing/featured-form-samples';
import type { ProcessModel } from '../bpmn/process-model';
import { BPMN_NS, parseXml, type XmlElement } from '../bpmn/xml-tree';
import { completeTask, openTasks, startInstance, type InstanceState, type TaskOutcome } from '../engine/engine.rules';
import { featuredDefinitions } from './workflow.reference';

const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
const defs = featuredDefinitions();
const formByKey = new Map<string, FormDefinition>(featuredForms.map((f) => [f.key, f]));
const topLevelKeys = (f: FormDefinition) => new Set(f.sections.flatMap((s) => s.fields.map((x) => x.key)));
/** Variables the engine itself sets; everything else a condition reads must be a form field. */
const engineVariables = new Set(['lastOutcome']);
const variablesOf = (expr: string) => [...expr.replace(/'[^']*'|"[^"]*"/g, '').matchAll(/\b([A-Za-z_]\w*)\b(?!\s*\()/g)].map((m) => m[1]);
const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];

let n = 0;
const env = { newId: () => `t${++n}`, today: '2026-11-28' };
/** Runs a process with the given variables, completing each open task with `decide(nodeId)`; returns the nodes worked, in order. */
function walk(model: ProcessModel, vars: Record<string, unknown>, decide: (nodeId: string) => TaskOutcome = () => 'approve') {
  let state: InstanceState = startInstance(model, vars, env).state;
  const worked: string[] = [];
  while (state.status === 'running') {
    const [task] = openTasks(state);
    worked.push(task.nodeId);
    state = completeTask(model, state, { taskId: task.id, outcome: decide(task.nodeId) }, env).state;
  }
  return worked;
}
const modelOf = (key: string) => defs.find((d) => d.key === key)!.model;

describe('featured processes', () => {
  it('cover the process keys of the featured matters and their situations', () => {
    expect(defs.map((d) => d.key).sort()).toEqual([
      'driving_licence_renewal', 'driving_licence_replace', 'hukou_birth', 'hukou_cancel', 'hukou_college_enrol', 'hukou_college_graduate', 'hukou_item_change', 'hukou_migration',
      'idcard_application', 'idcard_online', 'idcard_replace',
    ]);
  });

  it.each(defs.map((d) => [d.key, d] as const))('%s parses, starts with 受理 at the accepting station, and uses only built-in roles', (_key, d) => {
    const { model } = d;
    expect(model.id).toBe(d.key);
    expect(model.name).toMatch(/流程$/);
    const first = model.nodes[model.flows[model.nodes[model.startId].outgoing[0]].target];
    expect(first).toMatchObject({ type: 'userTask', assignment: { role: 'window_officer', orgRelation: 'accepting' } });
    expect(first.name).toMatch(/受理$/);
    for (const node of Object.values(model.nodes).filter((x) => x.type === 'userTask')) {
      expect(['window_officer:accepting', 'approver:parent']).toContain(`${node.assignment?.role}:${node.assignment?.orgRelation}`);
      expect(node.limitDays).toBeGreaterThan(0);
    }
  });

  it.each(defs.map((d) => [d.key, d] as const))('%s opens only fields of its forms and branches only on them', (_key, d) => {
    expect(d.formKeys.length).toBeGreaterThan(0);
    for (const formKey of d.formKeys) {
      const form = formByKey.get(formKey);
      expect(form, formKey).toBeDefined();
      const keys = topLevelKeys(form!);
      for (const node of Object.values(d.model.nodes)) {
        for (const k of Object.keys(node.formAccess ?? {})) if (k !== '*') expect(keys, `${node.id} ${k} in ${formKey}`).toContain(k);
      }
      for (const f of Object.values(d.model.flows)) {
        for (const v of variablesOf(f.condition ?? '')) if (!engineVariables.has(v)) expect(keys, `${f.id} reads ${v} of ${formKey}`).toContain(v);
      }
    }
    // the first task lets the window correct something, and never everything
    const accept = d.model.nodes.accept;
    expect(accept.formAccess?.['*']).toBe('readonly');
    expect(Object.values(accept.formAccess ?? {})).toContain('edit');
  });

  it.each(defs.map((d) => [d.key, d] as const))('%s has a diagram shape for every node and an edge for every flow', (_key, d) => {
    const els = all(parseXml(d.xml));
    const shapes = new Set(els.filter((e) => e.uri === BPMNDI_NS && e.local === 'BPMNShape').map((e) => e.attrs.bpmnElement));
    const edges = new Set(els.filter((e) => e.uri === BPMNDI_NS && e.local === 'BPMNEdge').map((e) => e.attrs.bpmnElement));
    expect(shapes).toEqual(new Set(Object.keys(d.model.nodes)));
    expect(edges).toEqual(new Set(Object.keys(d.model.flows)));
    expect(els.filter((e) => e.uri === BPMN_NS && e.local === 'process')).toHaveLength(1);
    // laid out left to right: the start is the leftmost shape, the main end the rightmost
    const bounds = els.filter((e) => e.local === 'BPMNShape').map((s) => ({ id: s.attrs.bpmnElement, x: Number(s.children.find((c) => c.local === 'Bounds')!.attrs.x) }));
    const xs = bounds.map((b) => b.x);
    expect(bounds.find((b) => b.id === d.model.startId)!.x).toBe(Math.min(...xs));
    expect(bounds.find((b) => b.id === 'end')!.x).toBe(Math.max(...xs));
  });
});

describe('featured processes run as the matters intend', () => {
  it('户口迁移: 跨省迁入 adds the origin check; 省内 does not; 审核 not approved ends the process', () => {
    expect(walk(modelOf('hukou_migration'), { migrationScope: 'in_province' })).toEqual(['accept', 'review', 'approve']);
    expect(walk(modelOf('hukou_college_enrol'), { migrationScope: 'cross_province' })).toEqual(['accept', 'review', 'verify_origin', 'approve']);
    expect(walk(modelOf('hukou_college_graduate'), { migrationScope: 'in_province' }, (id) => (id === 'review' ? 'reject' : 'approve'))).toEqual(['accept', 'review']);
  });

  it('身份证: the card goes out by post or at the window; a third 补领 within a year is investigated first', () => {
    expect(walk(modelOf('idcard_application'), { deliveryMethod: 'post' })).toEqual(['accept', 'review', 'mail_out']);
    expect(walk(modelOf('idcard_online'), { deliveryMethod: 'window' })).toEqual(['accept', 'review', 'hand_out']);
    expect(walk(modelOf('idcard_replace'), { replaceTimesInYear: 2, deliveryMethod: 'window' })).toEqual(['accept', 'investigate', 'review', 'hand_out']);
    expect(walk(modelOf('idcard_replace'), { replaceTimesInYear: 0, deliveryMethod: 'post' })).toEqual(['accept', 'review', 'mail_out']);
  });

  it('驾驶证: heavy vehicle classes get the record check', () => {
    expect(walk(modelOf('driving_licence_renewal'), { licenceClass: 'A2', deliveryMethod: 'window' })).toEqual(['accept', 'record_check', 'review', 'hand_out']);
    expect(walk(modelOf('driving_licence_renewal'), { licenceClass: 'C1', deliveryMethod: 'post' })).toEqual(['accept', 'review', 'mail_out']);
    expect(walk(modelOf('driving_licence_replace'), { deliveryMethod: 'window' }, (id) => (id === 'review' ? 'reject' : 'approve'))).toEqual(['accept', 'review']);
  });
});

