/**
 * moddle extension for our `jsga:` namespace, so bpmn-js reads, keeps and writes the attributes the
 * server's BPMN parser understands (workflow centre, bpmn/bpmn.parse.ts) — names must match it exactly:
 *
 * - userTask: candidateRole, orgRelation (accepting | parent | specified), orgId, assignee, limitDays, formAccess (JSON);
 * - multiInstanceLoopCharacteristics: collection;
 * - serviceTask: handler;
 * - intermediateCatchEvent (timer): workingDays;
 * - `<jsga:chain>` inside the process's extensionElements: the 审批链 the process was generated from.
 */
export const JSGA_NS = 'http://jsga.gov.cn/schema/bpmn';

export const jsgaModdle = {
  name: 'JSGA',
  uri: JSGA_NS,
  prefix: 'jsga',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'UserTaskAssignment',
      extends: ['bpmn:UserTask'],
      properties: [
        { name: 'candidateRole', isAttr: true, type: 'String' },
        { name: 'orgRelation', isAttr: true, type: 'String' },
        { name: 'orgId', isAttr: true, type: 'String' },
        { name: 'assignee', isAttr: true, type: 'String' },
        { name: 'limitDays', isAttr: true, type: 'Integer' },
        { name: 'formAccess', isAttr: true, type: 'String' },
      ],
    },
    {
      name: 'MultiInstanceCollection',
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [{ name: 'collection', isAttr: true, type: 'String' }],
    },
    {
      name: 'ServiceTaskHandler',
      extends: ['bpmn:ServiceTask'],
      properties: [{ name: 'handler', isAttr: true, type: 'String' }],
    },
    {
      name: 'TimerWorkingDays',
      extends: ['bpmn:IntermediateCatchEvent'],
      properties: [{ name: 'workingDays', isAttr: true, type: 'Integer' }],
    },
    {
      name: 'Chain',
      superClass: ['Element'],
      properties: [{ name: 'value', isBody: true, type: 'String' }],
    },
  ],
  enumerations: [],
};
