/** Processes for case tests: v2 renames 审核 and adds 审批, so a case can be migrated from v1 to v2. */
const defs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="case-defs">
  <bpmn:process id="case_test" name="办件测试流程" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

export const caseProcessV1 = defs(`
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="accept" name="受理" jsga:candidateRole="window_officer" jsga:orgRelation="accepting" jsga:limitDays="1"/>
  <bpmn:userTask id="review" name="审核" jsga:candidateRole="approver" jsga:orgRelation="parent" jsga:limitDays="3"/>
  <bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
  <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="review"/>
  <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end"/>`);

export const caseProcessV2 = defs(`
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="accept" name="受理" jsga:candidateRole="window_officer" jsga:orgRelation="accepting" jsga:limitDays="1"/>
  <bpmn:userTask id="review" name="审核（新版）" jsga:candidateRole="approver" jsga:orgRelation="parent" jsga:limitDays="2"/>
  <bpmn:userTask id="approve" name="审批" jsga:candidateRole="approver" jsga:orgRelation="parent" jsga:limitDays="2"/>
  <bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
  <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="review"/>
  <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="approve"/>
  <bpmn:sequenceFlow id="f4" sourceRef="approve" targetRef="end"/>`);
