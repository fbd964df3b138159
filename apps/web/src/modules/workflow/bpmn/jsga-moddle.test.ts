import { describe, expect, it } from 'vitest';
import { BpmnModdle } from 'bpmn-moddle';
import { defaultChain } from '../chain/chain-model';
import { chainFromBpmn, chainToBpmn } from '../chain/chain-to-bpmn';
import { jsgaModdle } from './jsga-moddle';

type El = { $type: string; id?: string; get(n: string): unknown; set(n: string, v: unknown): void; [k: string]: unknown };

/** Every jsga attribute the server's parser reads (workflow centre bpmn.parse.ts), as its fixtures write them. */
const allAttributes = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="d1">
  <bpmn:process id="p" name="测试流程" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="accept" name="受理" jsga:candidateRole="window_officer" jsga:orgRelation="specified" jsga:orgId="11111111-1111-4111-8111-111111111111" jsga:assignee="\${officerId}" jsga:limitDays="2" jsga:formAccess='{"name":"readonly"}'/>
    <bpmn:userTask id="countersign" name="会签">
      <bpmn:multiInstanceLoopCharacteristics isSequential="false" jsga:collection="reviewers">
        <bpmn:completionCondition>\${nrOfApproved / nrOfInstances >= 0.6}</bpmn:completionCondition>
      </bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:serviceTask id="notify" name="通知" jsga:handler="case.notify"/>
    <bpmn:intermediateCatchEvent id="wait" name="公示期" jsga:workingDays="5"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const load = async (xml: string) => {
  const moddle = BpmnModdle({ jsga: jsgaModdle });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  const process = (rootElement.rootElements as El[])[0];
  const byId = (id: string) => (process.flowElements as El[]).find((e) => e.id === id)!;
  return { moddle, rootElement, warnings, process, byId };
};

describe('jsga moddle extension', () => {
  it('knows every attribute the server parser reads (no unknown-attribute warnings) and types them', async () => {
    const { warnings, byId } = await load(allAttributes);
    expect(warnings.map((w) => w.message)).toEqual([]);
    const accept = byId('accept');
    expect(accept.$type).toBe('bpmn:UserTask');
    expect(['candidateRole', 'orgRelation', 'orgId', 'assignee', 'formAccess'].map((a) => accept.get(`jsga:${a}`))).toEqual([
      'window_officer', 'specified', '11111111-1111-4111-8111-111111111111', '${officerId}', '{"name":"readonly"}',
    ]);
    expect(accept.get('jsga:limitDays')).toBe(2);
    expect((byId('countersign').loopCharacteristics as El).get('jsga:collection')).toBe('reviewers');
    expect(byId('notify').get('jsga:handler')).toBe('case.notify');
    expect(byId('wait').get('jsga:workingDays')).toBe(5);
  });

  it('reads a generated chain, keeps the stored chain, and writes edits back with the jsga prefix', async () => {
    const chain = defaultChain('p1', '三级审批');
    chain.steps[1] = { ...chain.steps[1], countersign: { mode: 'ratio', ratio: 60, collection: 'reviewers' } };
    const { moddle, rootElement, warnings, process, byId } = await load(chainToBpmn(chain));
    expect(warnings).toEqual([]);
    expect(((process.extensionElements as El).values as El[]).map((v) => v.$type)).toEqual(['jsga:Chain']);
    const review = byId('step_2');
    expect(review.get('jsga:candidateRole')).toBe('approver');
    review.set('jsga:limitDays', 5);
    review.set('jsga:orgRelation', 'parent');
    const { xml } = await moddle.toXML(rootElement, { format: true });
    expect(xml).toMatch(/<bpmn:userTask id="step_2" name="审核" jsga:candidateRole="approver" jsga:orgRelation="parent" jsga:limitDays="5">/);
    expect(xml).toContain('jsga:collection="reviewers"');
    expect(chainFromBpmn(xml)?.steps.map((s) => s.name)).toEqual(['受理', '审核', '审批']);
  });
});
