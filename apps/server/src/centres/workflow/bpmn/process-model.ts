/** The executable model of one BPMN process, independent of XML. */
export type NodeType = 'startEvent' | 'endEvent' | 'userTask' | 'serviceTask' | 'exclusiveGateway' | 'parallelGateway' | 'timerEvent' | 'subProcess';

export type Assignment = {
  /** Role code the candidates must hold. */
  role?: string;
  /** Whose org: the case's accepting org, its parent, or a fixed org. */
  orgRelation?: 'accepting' | 'parent' | 'specified';
  orgId?: string;
  /** Expression giving user id(s) directly. */
  assignee?: string;
};

export type MultiInstance = {
  sequential: boolean;
  /** Expression giving the list of assignees (one task each). */
  collection: string;
  /** Completion condition over nrOfInstances, nrOfCompletedInstances, nrOfApproved, nrOfRejected; default: all completed. */
  completionCondition?: string;
};

export type FlowNode = {
  id: string;
  name: string;
  type: NodeType;
  incoming: string[];
  outgoing: string[];
  /** Enclosing sub-process, or null at the top level. */
  parentId: string | null;
  defaultFlow?: string;
  assignment?: Assignment;
  multiInstance?: MultiInstance;
  handler?: string;
  /** Timer delay in working days (jsga:workingDays) or an ISO-8601 duration. */
  timer?: { workingDays?: number; duration?: string };
  /** Time limit of a user task in working days, for SLA. */
  limitDays?: number;
  /** Per-node form field access, e.g. {"name":"readonly"}. */
  formAccess?: Record<string, 'edit' | 'readonly' | 'hidden'>;
};

export type SequenceFlow = { id: string; source: string; target: string; condition?: string; name?: string };

export type ProcessModel = {
  id: string;
  name: string;
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Start event of the top level. */
  startId: string;
};
