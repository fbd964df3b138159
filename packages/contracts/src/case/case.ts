import { z } from 'zod';
import { ListQuery } from '../common';
import { PoliceType } from '../identity/org';
import { ApplicantType, SituationAnswers } from '../matter';

/** 办件状态. Terminal: returned, not_accepted, concluded, withdrawn. */
export const CaseStatus = z.enum([
  'submitted', 'pre_review', 'supplement', 'tolerated', 'returned', 'accepted', 'not_accepted', 'approving', 'special_procedure', 'concluded', 'withdrawn',
]);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  submitted: '已申报', pre_review: '预审中', supplement: '补件中', tolerated: '容缺受理', returned: '已退件', accepted: '已受理',
  not_accepted: '不予受理', approving: '审批中', special_procedure: '特别程序', concluded: '已办结', withdrawn: '已撤件',
};

/** What an officer (or the applicant) does to a case; each is one state transition with a history record. */
export const CaseAction = z.enum([
  'pre_review', 'request_supplement', 'supplement_received', 'return', 'accept', 'accept_tolerated', 'tolerated_completed',
  'not_accept', 'approve_step', 'start_special', 'end_special', 'conclude', 'withdraw',
]);
export type CaseAction = z.infer<typeof CaseAction>;
export const caseActionLabels: Record<CaseAction | 'submit' | 'migrate_process' | 'return_step' | 'collect' | 'change_delivery' | 'sign_promise' | 'tolerated_supplied' | 'tolerance_overdue' | 'licence_service', string> = {
  collect: '领取登记', change_delivery: '变更送达方式', sign_promise: '签署容缺受理承诺书', tolerated_supplied: '补交容缺材料', tolerance_overdue: '容缺材料逾期未补交', licence_service: '证照服务',
  submit: '申报', pre_review: '开始预审', request_supplement: '一次性告知补件', supplement_received: '补件完成', return: '退件',
  accept: '受理', accept_tolerated: '容缺受理', tolerated_completed: '容缺材料补齐', not_accept: '不予受理', approve_step: '审核审批',
  start_special: '进入特别程序', end_special: '特别程序结束', conclude: '办结', withdraw: '撤件', migrate_process: '流程迁移', return_step: '退回',
};

export const CaseChannel = z.enum(['online', 'mobile', 'window', 'self_service']);
export const caseChannelLabels: Record<z.infer<typeof CaseChannel>, string> = { online: '网上', mobile: '掌上', window: '窗口', self_service: '自助' };
export const SlaStatus = z.enum(['none', 'running', 'warning', 'overdue', 'paused', 'stopped']);
export type SlaStatus = z.infer<typeof SlaStatus>;
export const slaStatusLabels: Record<SlaStatus, string> = { none: '未计时', running: '正常', warning: '预警', overdue: '超期', paused: '暂停计时', stopped: '已停止' };
export const CaseResult = z.enum(['approved', 'disapproved']);

/** One material given with an application: an uploaded file, or an e-licence in its place (免证办). */
export const CaseMaterialInput = z.object({
  materialCode: z.string().trim().min(1).max(64),
  fileId: z.uuid().optional(),
  licenceId: z.uuid().optional().describe('以电子证照替代上传（免证办）'),
}).refine((m) => !m.fileId !== !m.licenceId, { message: '每份材料须上传文件或选择电子证照（二选一）' });
export type CaseMaterialInput = z.infer<typeof CaseMaterialInput>;

export const CreateCaseBody = z.object({
  matterCode: z.string().trim().min(1).max(64),
  orgId: z.uuid().optional().describe('受理单位；缺省为当前岗位所在单位'),
  applicantType: ApplicantType,
  applicantName: z.string().trim().min(1, '请填写申请人姓名或单位名称').max(200),
  applicantIdNo: z.string().trim().min(1, '请填写证件号码').max(32).describe('自然人为公民身份号码，法人为统一社会信用代码'),
  contactPhone: z.string().trim().regex(/^1\d{10}$/, '手机号码应为11位数字').optional(),
  channel: CaseChannel.default('window'),
  situationAnswers: SituationAnswers.default({}),
  formData: z.record(z.string(), z.unknown()).default({}),
  materials: z.array(CaseMaterialInput).max(200).default([]),
  idempotencyKey: z.string().trim().min(8).max(100).optional().describe('重复提交时返回同一办件'),
});
export type CreateCaseBody = z.input<typeof CreateCaseBody>;

export const CaseActionBody = z.object({
  action: CaseAction,
  opinion: z.string().trim().max(2000).optional(),
  taskId: z.uuid().optional().describe('同时办理的流程任务'),
  outcome: z.enum(['approve', 'reject']).optional().describe('审核审批结论'),
  result: CaseResult.optional().describe('办结结果'),
  missingMaterials: z.array(z.string()).max(100).optional().describe('容缺受理时暂缺的材料编码'),
  toleranceDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '补交期限应为日期（YYYY-MM-DD）').optional().describe('容缺受理：承诺补交期限'),
  promiseFileId: z.uuid().optional().describe('容缺受理：申请人签字的承诺书扫描件（窗口办件必填；网上办件可由申请人在线签署）'),
  materials: z.array(CaseMaterialInput).max(50).optional().describe('容缺材料补齐：窗口扫描的补交材料'),
  supplementMaterials: z.array(z.string()).max(100).optional().describe('补件：需补交或更正的材料编码（一次性告知）'),
  expectedRevision: z.number().int().optional().describe('页面打开时的版本号，防止两人同时办理'),
  formData: z.record(z.string(), z.unknown()).optional().describe('本环节修改后的表单数据；只有流程节点设为可编辑的字段会被保存'),
});
export type CaseActionBody = z.input<typeof CaseActionBody>;

/**
 * 网上申报预审 queues: 待预审 (submitted online), 已收 (accepted after pre-review), 待补件, 补件记录 (every
 * case ever asked to supplement), 退件, 待容缺后补, 已容缺后补.
 */
export const PreReviewQueue = z.enum(['pending', 'received', 'supplement', 'supplement_history', 'returned', 'tolerated', 'tolerated_done']);
export type PreReviewQueue = z.infer<typeof PreReviewQueue>;
export const preReviewQueueLabels: Record<PreReviewQueue, string> = {
  pending: '待预审', received: '已收', supplement: '待补件', supplement_history: '补件记录', returned: '退件', tolerated: '待容缺后补', tolerated_done: '已容缺后补',
};

export const CaseListQuery = ListQuery.extend({
  matterCode: z.string().trim().max(64).optional(),
  policeType: PoliceType.optional(),
  status: CaseStatus.optional(),
  orgId: z.uuid().optional(),
  slaStatus: SlaStatus.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  submittedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  submittedTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  channel: CaseChannel.optional(),
  queue: PreReviewQueue.optional().describe('网上申报预审队列（只含网上、掌上申报的办件）'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseSummary = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  matterCode: z.string(),
  matterName: z.string(),
  policeType: PoliceType.nullable(),
  applicantType: ApplicantType,
  applicantName: z.string(),
  applicantIdNoMasked: z.string(),
  channel: CaseChannel,
  status: CaseStatus,
  orgId: z.uuid(),
  orgName: z.string().nullable(),
  slaStatus: SlaStatus,
  slaDeadline: z.string().nullable(),
  submittedAt: z.string(),
  revision: z.number().int(),
  /** 容缺受理 only: the promised date for the missing materials. */
  toleranceDeadline: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseHistoryEntry = z.object({
  seq: z.number().int(),
  action: z.string(),
  fromStatus: CaseStatus.nullable(),
  toStatus: CaseStatus,
  userName: z.string().nullable(),
  orgName: z.string().nullable(),
  opinion: z.string(),
  at: z.string(),
});
export const CaseMaterialView = z.object({
  id: z.uuid(), materialCode: z.string(), name: z.string(), fileId: z.string().nullable(), sha256: z.string().nullable(), sm3: z.string().nullable(),
  status: z.enum(['provided', 'tolerated_missing', 'supplemented']), at: z.string(),
  source: z.enum(['upload', 'elicense']).describe('上传文件，或以电子证照替代'),
  licenceId: z.string().nullable(),
});
/** 领取登记: who collected the result at the window (the applicant or an agent with their ID). */
export const CollectBody = z.object({
  relation: z.enum(['self', 'agent']),
  collectorName: z.string().trim().min(1, '请填写领取人姓名').max(30),
  collectorIdNo: z.string().trim().toUpperCase().regex(/^\d{17}[\dX]$/, '请填写18位公民身份号码'),
  note: z.string().trim().max(200).default(''),
});
export type CollectBody = z.input<typeof CollectBody>;
export const CaseCollection = z.object({ relation: z.enum(['self', 'agent']), collectorName: z.string(), collectorIdNoMasked: z.string(), at: z.string(), registeredBy: z.string().nullable() });
export type CaseCollection = z.infer<typeof CaseCollection>;

export const SupplementRequest = z.object({ reason: z.string(), materials: z.array(z.object({ code: z.string(), name: z.string() })), at: z.string() });
export type SupplementRequest = z.infer<typeof SupplementRequest>;
/** 结果送达: at the window or by post (address masked outside the case). */
export const CaseDelivery = z.object({ method: z.enum(['window', 'post']), recipient: z.string().nullable(), phoneMasked: z.string().nullable(), address: z.string().nullable() });
export type CaseDelivery = z.infer<typeof CaseDelivery>;

/** 容缺受理: the missing materials, the promised deadline, and the applicant's signed promise. */
export const CaseTolerance = z.object({
  deadline: z.string(),
  overdue: z.boolean(),
  materials: z.array(z.object({ code: z.string(), name: z.string(), supplied: z.boolean() })),
  promise: z.object({ signedAt: z.string(), via: z.enum(['paper', 'online']), fileId: z.string().nullable() }).nullable().describe('承诺书；网上办件待申请人在线签署时为空'),
});
export type CaseTolerance = z.infer<typeof CaseTolerance>;

export const CaseView = CaseSummary.extend({
  matterVersionId: z.uuid(),
  matterVersionNo: z.number().int(),
  contactPhoneMasked: z.string().nullable(),
  situationAnswers: SituationAnswers,
  formKey: z.string().nullable(),
  formVersionId: z.uuid().nullable().describe('办件使用的表单版本（一直沿用）'),
  formSections: z.array(z.string()).describe('按所选情形适用的表单分区；为空时整张表适用'),
  formData: z.record(z.string(), z.unknown()),
  processKey: z.string().nullable(),
  workflowInstanceId: z.uuid().nullable(),
  limitDays: z.number().int().nullable(),
  slaStartDate: z.string().nullable(),
  slaPausedDays: z.number().int(),
  result: CaseResult.nullable(),
  acceptedAt: z.string().nullable(),
  concludedAt: z.string().nullable(),
  history: z.array(CaseHistoryEntry),
  materials: z.array(CaseMaterialView),
  pauses: z.array(z.object({ kind: z.enum(['supplement', 'special_procedure']), reason: z.string(), fromDate: z.string(), toDate: z.string().nullable() })),
  links: z.array(z.object({ kind: z.string(), refId: z.string(), label: z.string(), at: z.string() })),
  openTasks: z.array(z.object({
    id: z.uuid(), nodeId: z.string(), nodeName: z.string(), assigneeId: z.string().nullable(), dueDate: z.string().nullable(),
    formAccess: z.record(z.string(), z.enum(['edit', 'readonly', 'hidden'])).nullable().describe('该环节的表单字段权限；为空时表单只读'),
  })),
  allowedActions: z.array(CaseAction),
  supplementRequest: SupplementRequest.nullable().describe('补件中：最近一次一次性告知的理由与材料'),
  delivery: CaseDelivery.nullable(),
  collection: CaseCollection.nullable().describe('领取登记（窗口领取结果时）'),
  tolerance: CaseTolerance.nullable(),
});
export type CaseView = z.infer<typeof CaseView>;

export const ChangeDeliveryBody = z.object({
  method: z.enum(['window', 'post']),
  mailRecipient: z.string().trim().max(30).optional(),
  mailPhone: z.string().trim().max(11).optional(),
  mailRegion: z.string().trim().max(12).optional(),
  mailAddress: z.string().trim().max(200).optional(),
  reason: z.string().trim().min(1, '请填写变更原因').max(500),
});
export type ChangeDeliveryBody = z.infer<typeof ChangeDeliveryBody>;

export const CaseSensitiveView = z.object({ applicantIdNo: z.string(), contactPhone: z.string().nullable() });
export const MigrateCaseProcessBody = z.object({ targetDefinitionId: z.uuid(), nodeMapping: z.record(z.string(), z.string()).optional() });

// ---------------------------------------------------------------- the applicant's side (我的办件)

/** A step of the case as the applicant sees it: what happened, where, and the reasons addressed to them. */
export const CitizenCaseStep = z.object({ action: z.string(), label: z.string(), status: CaseStatus, orgName: z.string().nullable(), note: z.string(), at: z.string() });
export const CitizenCaseSummary = z.object({
  id: z.uuid(), caseNo: z.string(), matterCode: z.string(), matterName: z.string(), status: CaseStatus, result: CaseResult.nullable(),
  orgName: z.string().nullable(), channel: CaseChannel, submittedAt: z.string(), concludedAt: z.string().nullable(),
  /** What the applicant must do now, if anything. */
  todo: z.enum(['supplement', 'sign_promise', 'supply_tolerated', 'evaluate', 'resubmit']).nullable(),
});
export type CitizenCaseSummary = z.infer<typeof CitizenCaseSummary>;
export const CitizenCaseView = CitizenCaseSummary.extend({
  applicantName: z.string(),
  applicantIdNoMasked: z.string(),
  situationAnswers: SituationAnswers,
  formVersionId: z.uuid().nullable(),
  formSections: z.array(z.string()),
  formData: z.record(z.string(), z.unknown()),
  steps: z.array(CitizenCaseStep),
  materials: z.array(CaseMaterialView.pick({ materialCode: true, name: true, status: true, source: true, licenceId: true, at: true }).extend({ fileName: z.string().nullable(), fileId: z.string().nullable() })),
  supplementRequest: SupplementRequest.nullable(),
  /** Reason the case ended without approval (退件, 不予受理, 不予许可). */
  refusalReason: z.string().nullable(),
  slaDeadline: z.string().nullable(),
  delivery: CaseDelivery.nullable(),
  resultDocument: z.object({ fileId: z.string(), label: z.string() }).nullable(),
  tolerance: CaseTolerance.nullable(),
});
export type CitizenCaseView = z.infer<typeof CitizenCaseView>;
export const CitizenCaseListQuery = ListQuery.extend({ status: z.enum(['open', 'todo', 'done']).optional() });
export type CitizenCaseListQuery = z.infer<typeof CitizenCaseListQuery>;
export const SupplyMaterialsBody = z.object({
  materials: z.array(CaseMaterialInput).min(1, '请至少提交一份补正材料').max(50),
  note: z.string().trim().max(500).default(''),
});
export type SupplyMaterialsBody = z.input<typeof SupplyMaterialsBody>;
/** 证照服务: per material an e-licence may stand for, the applicant's licences of that type in force. */
export const LicenceCandidatesView = z.object({
  items: z.array(z.object({
    materialId: z.uuid(), materialCode: z.string(), materialName: z.string(), status: CaseMaterialView.shape.status, typeCode: z.string(),
    licences: z.array(z.object({ id: z.string(), typeName: z.string(), licenceNo: z.string(), holderName: z.string(), issuerName: z.string().nullable(), validTo: z.string().nullable() })),
  })),
});
export type LicenceCandidatesView = z.infer<typeof LicenceCandidatesView>;
export const UseLicenceBody = z.object({ licenceId: z.uuid('请选择电子证照') });

/** 容缺受理承诺书 signed online by the applicant (their real-name sign-in stands as the signature). */
export const SignPromiseBody = z.object({ agree: z.literal(true, { error: '请阅读并同意承诺内容' }) });
/** Window: the 承诺书 to print for the applicant to sign before 容缺受理. */
export const PromisePreviewBody = z.object({
  missingMaterials: z.array(z.string()).min(1, '请选择暂缺的材料').max(100),
  toleranceDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '补交期限应为日期（YYYY-MM-DD）'),
});

// ---------------------------------------------------------------- 好差评

export const evaluationLevelLabels: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
/** Tags offered by level: praise for 4–5, problems for 1–3 (the 好差评 system's usual set). */
export const evaluationTags = {
  good: ['办事便捷', '材料精简', '办理迅速', '态度热情', '一次办成'],
  bad: ['材料繁琐', '办理超时', '多次跑动', '态度不好', '系统不好用'],
} as const;
export const EvaluateBody = z.object({
  level: z.number().int().min(1, '请选择评价等级').max(5),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  comment: z.string().trim().max(500).default(''),
}).refine((b) => b.level > 2 || b.comment.length > 0, { message: '差评请写明原因，便于我们整改', path: ['comment'] });
export type EvaluateBody = z.input<typeof EvaluateBody>;
export const EvaluationView = z.object({
  id: z.uuid(), caseId: z.uuid(), caseNo: z.string(), matterName: z.string(), orgName: z.string().nullable(), level: z.number().int(),
  tags: z.array(z.string()), comment: z.string(), createdAt: z.string(),
});
export type EvaluationView = z.infer<typeof EvaluationView>;
export const EvaluationListQuery = ListQuery.extend({ level: z.coerce.number().int().min(1).max(5).optional() });
