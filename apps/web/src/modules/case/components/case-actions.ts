import { CaseAction, caseActionLabels, type CaseActionBody, type CaseStatus, type CaseView } from '@jsga/contracts';

/** A file the officer uploaded in a dialog (a scan), with its name to show. */
export interface ScanFile {
  id: string;
  fileName: string;
}

/** What the officer enters in an action dialog. */
export interface ActionForm {
  taskId?: string;
  opinion?: string;
  outcome?: 'approve' | 'reject';
  result?: 'approved' | 'disapproved';
  missingMaterials?: string[];
  supplementMaterials?: string[];
  /** 容缺受理: the date the applicant promises the missing materials by (YYYY-MM-DD). */
  toleranceDeadline?: string;
  /** 容缺受理 at the window: the scan of the promise the applicant signed. */
  promiseFile?: ScanFile | null;
  /** 容缺材料补齐: scans of the missing materials handed in at the window, by material code. */
  toleratedScans?: Record<string, ScanFile | null | undefined>;
}

/** The fields one action needs, the sentence telling what will happen, and how the button looks. */
export interface ActionSpec {
  /** Names the workflow task it completes (when the case has open tasks). */
  task: boolean;
  /** The reason is required (CASE_REASON_REQUIRED otherwise); `'on_reject'`: only when the outcome is 不通过. */
  reason: boolean | 'on_reject';
  /** Label of the opinion box. */
  opinionLabel: string;
  outcome?: boolean;
  result?: boolean;
  missingMaterials?: boolean;
  /** Lists the matter's materials to tick the ones to be handed in again (补件, 一次性告知). */
  supplementMaterials?: boolean;
  /** 容缺受理: the deadline for the missing materials, and the applicant's promise (signed on paper at the window). */
  tolerance?: boolean;
  /** 容缺材料补齐: the tolerated materials with their state; scans of the ones still missing may be added. */
  toleratedScans?: boolean;
  danger?: boolean;
  primary?: boolean;
  hint: string;
}

export const actionSpecs: Record<CaseAction, ActionSpec> = {
  pre_review: { task: false, reason: false, opinionLabel: '预审意见（可选）', hint: '开始预审：核对申请信息和材料，之后可受理、补件或退件。' },
  request_supplement: {
    task: false, reason: true, opinionLabel: '补件原因', supplementMaterials: true,
    hint: '一次性告知申请人需要补正的全部材料或内容：勾选需补交或更正的材料并写明原因（将通知申请人）。已受理的办件在补件期间暂停计时。',
  },
  supplement_received: { task: false, reason: false, opinionLabel: '补件说明（可选）', hint: '申请人已补齐材料，办件回到补件前的状态；暂停的计时恢复。' },
  return: { task: false, reason: true, opinionLabel: '退件理由', danger: true, hint: '退回申请，办件结束（终态），申请人需重新申报。' },
  accept: { task: true, reason: false, opinionLabel: '受理意见（可选）', primary: true, hint: '受理后开始计算办理时限，并短信通知申请人。' },
  accept_tolerated: {
    task: true, reason: false, opinionLabel: '受理意见（可选）', missingMaterials: true, tolerance: true,
    hint: '次要材料暂缺时先行受理并开始计时：选择暂缺的材料和补交期限，申请人须签署容缺受理承诺书；补齐后再办理“容缺材料补齐”。',
  },
  tolerated_completed: {
    task: false, reason: false, opinionLabel: '说明（可选）', toleratedScans: true,
    hint: '容缺的材料全部补齐后，办件转为已受理。窗口收到的材料请上传扫描件；申请人已在网上补交的无需上传。',
  },
  not_accept: { task: true, reason: true, opinionLabel: '不予受理理由', danger: true, hint: '不予受理，办件结束（终态）；流程随之终止。' },
  approve_step: {
    task: true, reason: 'on_reject', opinionLabel: '审核审批意见', outcome: true, primary: true,
    hint: '办理当前审核审批环节；流程最后一个环节办理完成后办件自动办结。',
  },
  start_special: {
    task: false, reason: true, opinionLabel: '特别程序事由',
    hint: '进入检验检测、鉴定、听证、专家评审等特别程序，期间暂停计时。',
  },
  end_special: { task: false, reason: false, opinionLabel: '说明（可选）', hint: '特别程序结束，办件回到原状态并恢复计时。' },
  conclude: { task: false, reason: false, opinionLabel: '办结意见（可选）', result: true, primary: true, hint: '办结后计时停止，办件结束（终态），并短信通知申请人。' },
  withdraw: { task: false, reason: true, opinionLabel: '撤件理由', danger: true, hint: '应申请人要求撤回申请，办件结束（终态）；流程随之终止。' },
};

export const actionTitle = (action: CaseAction) => caseActionLabels[action];

/** A case in one of these has ended: nothing more is done to it. */
const finishedStatuses: ReadonlySet<CaseStatus> = new Set(['returned', 'not_accepted', 'concluded', 'withdrawn']);
export const isFinished = (status: CaseStatus) => finishedStatuses.has(status);

/** 网上申报预审: applications made online or on the phone, from submission until the tolerated materials are in. */
const preReviewStatuses: ReadonlySet<CaseStatus> = new Set(['submitted', 'pre_review', 'supplement', 'tolerated']);
export const inPreReview = (view: Pick<CaseView, 'channel' | 'status'>) =>
  (view.channel === 'online' || view.channel === 'mobile') && preReviewStatuses.has(view.status);

/** The pre-review desk's actions, in its order and in its words. */
export const preReviewLabels: Partial<Record<CaseAction, string>> = {
  accept: '预审通过',
  request_supplement: '补件',
  accept_tolerated: '容缺收件',
  return: '退件',
  tolerated_completed: '容缺材料补齐',
};
export const preReviewActions = Object.keys(preReviewLabels) as CaseAction[];

/** An action's name as the officer sees it on this case (the pre-review words while the case is in pre-review). */
export const actionTitleFor = (action: CaseAction, view: Pick<CaseView, 'channel' | 'status'>) =>
  (inPreReview(view) ? preReviewLabels[action] : undefined) ?? actionTitle(action);

/** The open task an action completes unless the officer picks another: the 受理 task, else the first. */
export const defaultTaskId = (view: Pick<CaseView, 'openTasks'>) => (view.openTasks.find((t) => t.nodeName.includes('受理')) ?? view.openTasks[0])?.id;

/** The allowed actions in the order of the state machine (the order the contract lists them). */
export const orderedActions = (allowed: readonly CaseAction[]): CaseAction[] => CaseAction.options.filter((a) => allowed.includes(a));

/** Whether the dialog must ask for the reason, given what is chosen so far. */
export const reasonRequired = (action: CaseAction, outcome: ActionForm['outcome']) => {
  const r = actionSpecs[action].reason;
  return r === true || (r === 'on_reject' && outcome === 'reject');
};

/** Whether the dialog asks which open task the action completes. */
export const needsTask = (action: CaseAction, view: Pick<CaseView, 'openTasks'>) => actionSpecs[action].task && view.openTasks.length > 0;

/** The request body: only the fields this action uses, always with the revision the officer saw. */
export function actionBody(action: CaseAction, values: ActionForm, view: Pick<CaseView, 'openTasks' | 'revision'>): CaseActionBody {
  const spec = actionSpecs[action];
  const body: CaseActionBody = { action, expectedRevision: view.revision };
  const opinion = values.opinion?.trim();
  if (opinion) body.opinion = opinion;
  if (needsTask(action, view)) body.taskId = values.taskId ?? defaultTaskId(view);
  if (spec.outcome) body.outcome = values.outcome ?? 'approve';
  if (spec.result && values.result) body.result = values.result;
  if (spec.missingMaterials) body.missingMaterials = values.missingMaterials ?? [];
  if (spec.supplementMaterials && values.supplementMaterials?.length) body.supplementMaterials = values.supplementMaterials;
  if (spec.tolerance) {
    if (values.toleranceDeadline) body.toleranceDeadline = values.toleranceDeadline;
    if (values.promiseFile) body.promiseFileId = values.promiseFile.id;
  }
  if (spec.toleratedScans) {
    const materials = Object.entries(values.toleratedScans ?? {}).flatMap(([materialCode, f]) => (f ? [{ materialCode, fileId: f.id }] : []));
    if (materials.length) body.materials = materials;
  }
  return body;
}

// ------------------------------------------------------------------ 容缺受理

/** The longest 补交期限 when the matter version cannot be read (the contract's default). */
export const DEFAULT_TOLERANCE_LIMIT_DAYS = 30;
/** The 补交期限 offered first, in days (shortened to the matter's limit). */
const DEFAULT_TOLERANCE_DAYS = 7;

/** A YYYY-MM-DD date `days` calendar days on. */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The 补交期限 the server accepts: after today, at most `limitDays` calendar days on (China dates, YYYY-MM-DD). */
export const toleranceRange = (today: string, limitDays: number) => ({ first: addDays(today, 1), last: addDays(today, limitDays) });
export const defaultToleranceDeadline = (today: string, limitDays: number) => addDays(today, Math.min(DEFAULT_TOLERANCE_DAYS, limitDays));

/** Window and self-service cases need the applicant's signed paper promise at 容缺受理; online applicants sign it online afterwards. */
export const promiseOnPaper = (view: Pick<CaseView, 'channel'>) => view.channel !== 'online' && view.channel !== 'mobile';

/** Actions that complete the workflow task, and so may carry the node's changes to the application form. */
export const carriesForm = (action: CaseAction) => action === 'accept' || action === 'accept_tolerated' || action === 'not_accept' || action === 'approve_step';

/** Server refusals that belong under a field of the dialog. */
export const errorFields: Record<string, keyof ActionForm> = {
  CASE_REASON_REQUIRED: 'opinion',
  CASE_TASK_REQUIRED: 'taskId',
  CASE_TASK_NOT_OF_CASE: 'taskId',
  CASE_RESULT_REQUIRED: 'result',
  CASE_TOLERANCE_NOT_ALLOWED: 'missingMaterials',
  CASE_TOLERANCE_DEADLINE_INVALID: 'toleranceDeadline',
  CASE_TOLERANCE_PROMISE_REQUIRED: 'promiseFile',
  CASE_TOLERANCE_MATERIALS_MISSING: 'toleratedScans',
  CASE_MATERIAL_NOT_MISSING: 'toleratedScans',
};

/** Request fields the server names in `details.field`, as the dialog's fields (CASE_FILE_NOT_FOUND of the promise, say). */
const requestFields: Record<string, keyof ActionForm> = { promiseFileId: 'promiseFile', toleranceDeadline: 'toleranceDeadline' };

/** The dialog field a server refusal belongs under, if any. */
export function errorFieldOf(e: { code: string; details?: unknown }): keyof ActionForm | undefined {
  const named = (e.details as { field?: unknown } | null | undefined)?.field;
  return errorFields[e.code] ?? (typeof named === 'string' ? requestFields[named] : undefined);
}

/** Refusals meaning the case on screen is out of date: reload it. */
export const reloadCodes: ReadonlySet<string> = new Set(['CASE_STALE', 'CASE_ACTION_NOT_ALLOWED', 'CASE_TASK_NOT_OF_CASE', 'CASE_PROCESS_RUNNING']);
