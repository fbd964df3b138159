/** BPMN processes shared by the engine's unit tests and the centre's integration tests. */
export const defs = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jsga="http://jsga.gov.cn/schema/bpmn" id="d1">
  <bpmn:process id="p" name="测试流程" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;

// 受理 → (金额 > 100 ? 会签(60%) : 直接) → 合流 → 并行(治安审核 ‖ 户政审核) → 汇聚 → 结束
export const approvalXml = defs(`
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="accept" name="受理" jsga:candidateRole="window_officer" jsga:orgRelation="accepting" jsga:limitDays="2"/>
  <bpmn:exclusiveGateway id="gw" name="是否需会签" default="toFork"/>
  <bpmn:userTask id="countersign" name="会签">
    <bpmn:multiInstanceLoopCharacteristics isSequential="false" jsga:collection="reviewers">
      <bpmn:completionCondition>\${nrOfApproved / nrOfInstances >= 0.6}</bpmn:completionCondition>
    </bpmn:multiInstanceLoopCharacteristics>
  </bpmn:userTask>
  <bpmn:exclusiveGateway id="merge"/>
  <bpmn:parallelGateway id="fork"/>
  <bpmn:userTask id="reviewA" name="治安审核" jsga:candidateRole="approver"/>
  <bpmn:userTask id="reviewB" name="户政审核" jsga:candidateRole="approver"/>
  <bpmn:parallelGateway id="join"/>
  <bpmn:endEvent id="end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="accept"/>
  <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="gw"/>
  <bpmn:sequenceFlow id="toSign" sourceRef="gw" targetRef="countersign"><bpmn:conditionExpression>\${amount > 100}</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="toFork" sourceRef="gw" targetRef="merge"/>
  <bpmn:sequenceFlow id="f3" sourceRef="countersign" targetRef="merge"/>
  <bpmn:sequenceFlow id="f3b" sourceRef="merge" targetRef="fork"/>
  <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="reviewA"/>
  <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="reviewB"/>
  <bpmn:sequenceFlow id="f6" sourceRef="reviewA" targetRef="join"/>
  <bpmn:sequenceFlow id="f7" sourceRef="reviewB" targetRef="join"/>
  <bpmn:sequenceFlow id="f8" sourceRef="join" targetRef="end"/>`);


/** 受理 → 公示 (timer) → 结束: for timer jobs. */
export const timerXml = defs(`
  <bpmn:startEvent id="s"/>
  <bpmn:userTask id="t" name="受理" jsga:candidateRole="window_officer"/>
  <bpmn:intermediateCatchEvent id="wait" name="公示期"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
  <bpmn:endEvent id="e"/>
  <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="t"/>
  <bpmn:sequenceFlow id="b" sourceRef="t" targetRef="wait"/>
  <bpmn:sequenceFlow id="c" sourceRef="wait" targetRef="e"/>`);
