import { randomUUID } from 'node:crypto';
import type {
  CaseAction, CaseActionBody, CaseCollection, CaseDelivery, CollectBody, CaseListQuery, CaseMaterialInput, CaseStatus, CaseView, CitizenCaseListQuery, CitizenCaseView, CreateCaseBody,
  MatterChecklist, SlaStatus, SupplementRequest, SupplyMaterialsBody,
} from '@jsga/contracts';
import { caseActionLabels, CollectBody as CollectSchema, CreateCaseBody as CreateCaseSchema, CaseActionBody as CaseActionSchema, SupplyMaterialsBody as SupplySchema } from '@jsga/contracts';
import { changedFieldKeys, evaluateBoolean, idNumberProblem, isCreditCode } from '@jsga/form-engine';
import {
  applicantOf, chinaDate, commonErrors, issueNumber, maskIdNo, maskPhone, readAll, scopeAllows, type Queryable, type RequestCtx,
} from '@jsga/kernel';
import { caseErrors } from '../case.errors';
import { createToleranceUseCases, isToleranceOverdue, toleranceOf } from './case-tolerance';
import { createWindowUseCases } from './case-window';
import type { CaseServiceDeps } from './case.deps';
import { allowedActions, applyTransition, isTerminal } from './case-state.rules';
import { caseRepo, type CaseInsert, type CaseRow } from './case.repo';

export type { CaseServiceDeps };


/** Events other modules subscribe to, named `<module>.<entity>.<past tense>`. */
const eventOf: Partial<Record<CaseAction, string>> = {
  accept: 'case.application.accepted', accept_tolerated: 'case.application.accepted', not_accept: 'case.application.not_accepted',
  return: 'case.application.returned', request_supplement: 'case.application.supplement_requested', conclude: 'case.application.concluded',
  withdraw: 'case.application.withdrawn',
};
const smsOf: Partial<Record<CaseAction, string>> = { accept: 'case.accepted.sms', accept_tolerated: 'case.accepted.sms', request_supplement: 'case.supplement.sms', return: 'case.returned.sms', conclude: 'case.concluded.sms' };
const completesTask: readonly CaseAction[] = ['accept', 'accept_tolerated', 'not_accept', 'approve_step'];
const endsProcess: readonly CaseAction[] = ['not_accept', 'return', 'withdraw'];
/** What form expressions may read besides the form: the same on registration and at every node. */
const formContextOf = (a: { applicantIdNo: string; applicantName: string }) => ({ applicantIdNo: a.applicantIdNo, applicantName: a.applicantName });
const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** History entries whose opinion is addressed to the applicant (reasons they must see); other opinions stay internal. */
const applicantFacing: ReadonlySet<string> = new Set(['request_supplement', 'return', 'not_accept', 'conclude', 'withdraw', 'supplement_received', 'change_delivery', 'collect']);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** 结果送达 as the form records it (deliveryMethod + mail fields), when the form has it. */
export function deliveryOf(formData: Record<string, unknown>, mask: boolean): CaseDelivery | null {
  const method = formData.deliveryMethod;
  if (method !== 'post' && method !== 'window') return null;
  if (method === 'window') return { method, recipient: null, phoneMasked: null, address: null };
  const phone = str(formData.mailPhone);
  return { method, recipient: str(formData.mailRecipient), phoneMasked: mask ? maskPhone(phone) : phone, address: str(formData.mailAddress) };
}

export const createCaseService = (deps: CaseServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const actorOf = (ctx: RequestCtx) => ({
    userId: ctx.user?.userId ?? null, userName: ctx.user?.displayName ?? (ctx.citizen ? `${ctx.citizen.name}（申请人）` : null), orgId: ctx.user?.orgId ?? null,
  });
  const orgName = async (q: Queryable, id: string | null) => (id ? (await deps.identity.findOrg(q, id))?.name ?? null : null);

  /** An officer's case: inside their data scope, else 404. */
  async function load(q: Queryable, ctx: RequestCtx, id: string, lock = false): Promise<CaseRow> {
    if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
    const row = await caseRepo.findInScope(q, id, ctx.user.scope, { lock });
    if (!row) throw caseErrors.NOT_FOUND({ id });
    return row;
  }

  /** Deadline and clock state from the calendar and the pauses; stored on the row so searches need no engine. */
  async function slaOf(q: Queryable, row: Pick<CaseRow, 'id' | 'slaStartDate' | 'limitDays' | 'status'>, today: string) {
    if (!row.slaStartDate || row.limitDays === null) return { slaDeadline: null, slaStatus: 'none' as SlaStatus, slaPausedDays: 0 };
    const cal = await deps.workflow.calendar(q);
    const pauses = (await caseRepo.pauses(q, row.id)).map((p) => ({ from: p.fromDate, to: p.toDate ?? today }));
    const paused = row.status === 'supplement' || row.status === 'special_procedure';
    const r = deps.workflow.evaluateSla(cal, { start: row.slaStartDate, limitDays: row.limitDays, pauses, warnDays: deps.warnDays }, today, paused);
    return { slaDeadline: r.deadline, slaStatus: r.status as SlaStatus, slaPausedDays: r.pausedDays };
  }

  async function toView(q: Queryable, row: CaseRow): Promise<CaseView> {
    const instanceId = row.workflowInstanceId;
    const [history, materials, pauses, links, tasks, checklist] = await readAll(q, [
      () => caseRepo.history(q, row.id), () => caseRepo.materials(q, row.id), () => caseRepo.pauses(q, row.id), () => caseRepo.links(q, row.id),
      () => (instanceId ? deps.workflow.openTasks(q, instanceId) : Promise.resolve([])),
      () => (row.formVersionId ? deps.matter.deriveChecklist(row.matterVersionId, row.situationAnswers, q) : Promise.resolve(null)),
    ] as const);
    return {
      ...summaryOf(row),
      matterVersionId: row.matterVersionId, matterVersionNo: row.matterVersionNo,
      contactPhoneMasked: row.contactPhone ? maskPhone(row.contactPhone) : null,
      situationAnswers: row.situationAnswers, formKey: row.formKey, formVersionId: row.formVersionId, formSections: checklist?.sections ?? [], formData: row.formData, processKey: row.processKey,
      workflowInstanceId: row.workflowInstanceId, limitDays: row.limitDays, slaStartDate: row.slaStartDate, slaPausedDays: row.slaPausedDays,
      result: row.result as CaseView['result'], acceptedAt: row.acceptedAt?.toISOString() ?? null, concludedAt: row.concludedAt?.toISOString() ?? null,
      history: history.map((h) => ({ seq: h.seq, action: h.action, fromStatus: h.fromStatus as CaseStatus | null, toStatus: h.toStatus as CaseStatus, userName: h.userName, orgName: h.orgName, opinion: h.opinion, at: h.at.toISOString() })),
      materials: materials.map((m) => ({ id: m.id, materialCode: m.materialCode, name: m.name, fileId: m.fileId, sha256: m.sha256, sm3: m.sm3, status: m.status as 'provided', at: m.at.toISOString(), source: m.source as 'upload', licenceId: m.licenceId })),
      pauses: pauses.map((p) => ({ kind: p.kind as 'supplement', reason: p.reason, fromDate: p.fromDate, toDate: p.toDate })),
      links: links.map((l) => ({ kind: l.kind, refId: l.refId, label: l.label, at: l.at.toISOString() })),
      openTasks: tasks.map((t) => ({ id: t.id, nodeId: t.nodeId, nodeName: t.nodeName, assigneeId: t.assigneeId, dueDate: t.dueDate, formAccess: t.formAccess })),
      // a tolerated case may be refused only once its promised date has passed
      allowedActions: allowedActions(row.status as CaseStatus, row.resumeStatus as CaseStatus | null)
        .filter((a) => a !== 'not_accept' || row.status !== 'tolerated' || isToleranceOverdue(row, chinaDate(now()))),
      supplementRequest: supplementRequestOf(row, history),
      delivery: deliveryOf(row.formData, true),
      collection: collectionOf(history),
      tolerance: toleranceOf(row, materials, history, links, chinaDate(now())),
    };
  }

  function collectionOf(history: Array<{ action: string; userName: string | null; detail: Record<string, unknown>; at: Date }>): CaseCollection | null {
    const h = history.findLast((x) => x.action === 'collect');
    if (!h) return null;
    const d = h.detail as { relation?: 'self' | 'agent'; collectorName?: string; collectorIdNoMasked?: string };
    return { relation: d.relation ?? 'self', collectorName: d.collectorName ?? '', collectorIdNoMasked: d.collectorIdNoMasked ?? '', at: h.at.toISOString(), registeredBy: h.userName };
  }

  function supplementRequestOf(row: CaseRow, history: Array<{ action: string; opinion: string; detail: Record<string, unknown>; at: Date }>): SupplementRequest | null {
    if (row.status !== 'supplement') return null;
    const h = history.findLast((x) => x.action === 'request_supplement');
    if (!h) return null;
    const materials = Array.isArray(h.detail.supplementMaterials) ? (h.detail.supplementMaterials as Array<{ code: string; name: string }>) : [];
    return { reason: h.opinion, materials, at: h.at.toISOString() };
  }

  /**
   * Materials given with an application or a 补件: each file must be the caller's own upload (a
   * citizen's file is then handed to the accepting org), each e-licence in force, of the material's
   * licence type and held by the applicant (or the person acting for a company).
   */
  async function resolveMaterials(q: Queryable, ctx: RequestCtx, input: { caseId: string; orgId: string; applicantIdNo: string; checklist: Pick<MatterChecklist, 'materials'>; materials: CaseMaterialInput[]; status: 'provided' | 'supplemented'; at: Date }) {
    const byCode = new Map(input.checklist.materials.map((m) => [m.code, m]));
    const holders = [input.applicantIdNo, ctx.citizen?.idNo].filter((x): x is string => !!x);
    const rows = [];
    for (const [i, m] of input.materials.entries()) {
      const def = byCode.get(m.materialCode);
      if (!def) throw caseErrors.MATERIAL_UNKNOWN({ materialCode: m.materialCode });
      const base = { id: randomUUID(), caseId: input.caseId, materialCode: def.code, name: def.name, status: input.status, at: input.at };
      if (m.licenceId) {
        if (!def.elicenseType) throw caseErrors.MATERIAL_NO_ELICENSE({ materialCode: def.code, field: `materials.${i}` }, `“${def.name}”不能以电子证照替代，请上传文件`);
        let problem: string | null = null;
        for (const holder of holders) {
          const u = await deps.elicense.isUsableAs(q, m.licenceId, def.elicenseType, holder);
          if (u.usable) { problem = null; break; }
          problem ??= u.message;
          if (u.reason !== 'wrong_holder') { problem = u.message; break; }
        }
        if (problem) throw caseErrors.ELICENSE_UNUSABLE({ materialCode: def.code, field: `materials.${i}` }, `“${def.name}”：${problem}`);
        rows.push({ ...base, source: 'elicense', licenceId: m.licenceId });
        continue;
      }
      const meta = await deps.files.getMeta(q, m.fileId!);
      if (!meta) throw caseErrors.FILE_NOT_FOUND({ fileId: m.fileId });
      if (ctx.citizen && (meta.uploaderKind !== 'citizen' || meta.uploadedBy !== ctx.citizen.citizenId)) throw caseErrors.FILE_NOT_YOURS({ fileId: m.fileId });
      if (ctx.citizen) await deps.files.attachToOrg(q, meta.id, input.orgId);
      rows.push({ ...base, source: 'upload', fileId: meta.id, sha256: meta.sha256, sm3: meta.sm3 });
    }
    return rows;
  }

  async function notifyApplicant(q: Queryable, row: CaseRow, action: CaseAction, reason: string) {
    const template = smsOf[action];
    if (!template || !row.contactPhone) return;
    await deps.message.send(q, { templateCode: template, recipients: [{ phone: row.contactPhone }], vars: { matterName: row.matterName, caseNo: row.caseNo, reason }, businessKey: row.id });
  }

  /** The task the officer is working on must belong to this case; with open tasks, naming one is required. */
  async function taskOfCase(q: Queryable, row: CaseRow, taskId: string | undefined) {
    if (!row.workflowInstanceId) return null;
    const open = await deps.workflow.openTasks(q, row.workflowInstanceId);
    if (!taskId) {
      if (open.length) throw caseErrors.TASK_REQUIRED({ openTasks: open.map((t) => t.nodeName) });
      return null;
    }
    const task = open.find((t) => t.id === taskId);
    if (!task) throw caseErrors.TASK_NOT_OF_CASE({ taskId });
    return task;
  }

  /** One step of the case: state transition, the workflow task it completes, SLA clock, history, audit, event, SMS. */
  async function actOn(tx: Queryable, ctx: RequestCtx, row: CaseRow, input: CaseActionBody, extraDetail: Record<string, unknown> = {}): Promise<CaseView> {
    const body = CaseActionSchema.parse(input);
    const id = row.id;
    if (body.expectedRevision !== undefined && body.expectedRevision !== row.revision) throw caseErrors.STALE();
    const opinion = body.opinion?.trim() ?? '';
    const tr = applyTransition({ status: row.status as CaseStatus, resumeStatus: row.resumeStatus as CaseStatus | null }, body.action, opinion);
    if (!tr.ok) {
      if (tr.problem === 'reason_required') throw caseErrors.REASON_REQUIRED();
      throw caseErrors.ACTION_NOT_ALLOWED({ status: row.status, action: body.action });
    }
    const at = now();
    const today = chinaDate(at);
    let to = tr.to;
    let result: 'approved' | 'disapproved' | null = null;
    let formChange: { formData: Record<string, unknown>; changedKeys: string[] } | null = null;
    if (body.formData && !completesTask.includes(body.action)) throw caseErrors.FORM_NOT_EDITABLE({ node: null });

    let tolerancePatch: Partial<CaseInsert> = {};
    if (body.action === 'accept_tolerated') tolerancePatch = await tolerance.prepareAcceptTolerated(tx, ctx, row, body, at);
    if (body.action === 'tolerated_completed') await tolerance.prepareToleratedCompleted(tx, ctx, row, body, at);
    // 容缺 overdue: refused as the applicant's promise says; the approval process is ended, not decided
    const refusingTolerated = body.action === 'not_accept' && row.status === 'tolerated';
    if (refusingTolerated) await tolerance.checkRefusable(tx, row, at);
    let supplementMaterials: Array<{ code: string; name: string }> | undefined;
    if (body.action === 'request_supplement' && body.supplementMaterials?.length) {
      // 一次性告知: the materials named must be the matter's own
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const byCode = new Map(version.config.materials.map((m) => [m.code, m.name]));
      const unknown = body.supplementMaterials.filter((c) => !byCode.has(c));
      if (unknown.length) throw caseErrors.MATERIAL_UNKNOWN({ materialCodes: unknown });
      supplementMaterials = [...new Set(body.supplementMaterials)].map((code) => ({ code, name: byCode.get(code)! }));
    }

    if (row.workflowInstanceId) {
      if (completesTask.includes(body.action) && !refusingTolerated) {
        const task = await taskOfCase(tx, row, body.taskId);
        const outcome = body.action === 'not_accept' ? 'reject' : body.outcome ?? 'approve';
        if (outcome === 'reject' && !opinion) throw caseErrors.REASON_REQUIRED();
        if (body.formData) {
          // only fields the node makes editable change; read-only and hidden ones keep the stored value
          if (!task?.formAccess || !row.formVersionId) throw caseErrors.FORM_NOT_EDITABLE({ node: task?.nodeName ?? null });
          const { sections } = await deps.matter.deriveChecklist(row.matterVersionId, row.situationAnswers, tx);
          const result = await deps.form.validateVersion(tx, row.formVersionId, body.formData,
            { sections, access: task.formAccess, previous: row.formData, context: formContextOf(row) });
          if (!result.ok) throw caseErrors.FORM_INVALID({ errors: result.errors });
          formChange = { formData: result.values, changedKeys: changedFieldKeys(row.formData, result.values) };
        }
        if (task) {
          const done = await deps.workflow.complete(tx, ctx, { taskId: task.id, outcome, opinion, ...(formChange ? { variables: formChange.formData } : {}) });
          if (body.action === 'approve_step' && done.status === 'completed') {
            to = 'concluded';
            result = outcome === 'approve' ? 'approved' : 'disapproved';
          }
        }
      }
      if (endsProcess.includes(body.action)) await deps.workflow.terminate(tx, ctx, { instanceId: row.workflowInstanceId, reason: opinion });
      if (tr.pause) await deps.workflow.suspend(tx, ctx, { instanceId: row.workflowInstanceId, reason: opinion });
      if (tr.endPause) await deps.workflow.resume(tx, ctx, { instanceId: row.workflowInstanceId });
      if (body.action === 'conclude' && (await deps.workflow.openTasks(tx, row.workflowInstanceId)).length) throw caseErrors.PROCESS_RUNNING();
    }
    if (body.action === 'conclude') {
      if (!body.result) throw caseErrors.RESULT_REQUIRED();
      result = body.result;
    }

    if (tr.pause) await caseRepo.openPause(tx, { id: randomUUID(), caseId: id, kind: tr.pause, reason: opinion, fromDate: today });
    if (tr.endPause) await caseRepo.closePause(tx, id, dayBefore(today));
    const next = {
      status: to,
      resumeStatus: tr.resumeStatus,
      ...(tr.startsClock ? { slaStartDate: today, acceptedAt: at, acceptedBy: ctx.user?.userId ?? null } : {}),
      ...(to === 'concluded' || tr.stopsClock ? { concludedAt: at } : {}),
      ...(result ? { result } : {}),
      ...(formChange ? { formData: formChange.formData } : {}),
      ...tolerancePatch,
    };
    const sla = await slaOf(tx, { ...row, ...next }, today);
    const stopped = to === 'concluded' || tr.stopsClock;
    if (!(await caseRepo.update(tx, id, row.revision, { ...next, ...sla, ...(stopped && sla.slaStatus !== 'none' ? { slaStatus: 'stopped' } : {}) }))) throw caseErrors.STALE();

    const action: CaseAction = to === 'concluded' && body.action === 'approve_step' ? 'conclude' : body.action;
    await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: body.action, fromStatus: row.status, toStatus: to, ...actorOf(ctx), orgName: await orgName(tx, ctx.user?.orgId ?? null), opinion, detail: { ...(body.taskId ? { taskId: body.taskId } : {}), ...(result ? { result } : {}), ...(body.missingMaterials ? { missingMaterials: body.missingMaterials } : {}), ...(tolerancePatch.toleranceDeadline ? { toleranceDeadline: tolerancePatch.toleranceDeadline } : {}), ...(supplementMaterials ? { supplementMaterials } : {}), ...extraDetail, ...(formChange?.changedKeys.length ? { changedFields: formChange.changedKeys } : {}) }, at });
    await deps.audit.recordFor(tx, ctx, { action: `case.application.${body.action}`, targetType: 'case_application', targetIds: [id], detail: { caseNo: row.caseNo, from: row.status, to, ...(formChange?.changedKeys.length ? { changedFields: formChange.changedKeys } : {}) } });
    const topic = eventOf[action];
    if (topic) await deps.events.emit(tx, topic, { caseId: id, caseNo: row.caseNo, matterCode: row.matterCode, orgId: row.orgId, status: to, result }, { traceId: ctx.traceId });
    await notifyApplicant(tx, row, action, opinion);
    return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
  }

  function requireCitizen(ctx: RequestCtx) {
    if (!ctx.citizen) throw commonErrors.UNAUTHENTICATED();
    return ctx.citizen;
  }
  /** A case whose applicant is the signed-in person or the company they act for; 404 otherwise. */
  async function loadForApplicant(q: Queryable, ctx: RequestCtx, id: string, lock = false) {
    const row = await caseRepo.findForApplicant(q, id, applicantOf(requireCitizen(ctx)).idNo, { lock });
    if (!row) throw caseErrors.NOT_FOUND({ id });
    return row;
  }

  function citizenSummaryOf(row: CaseRow, evaluated: boolean, toleranceMissing = false) {
    const todo = row.status === 'supplement' ? 'supplement' as const
      : row.status === 'tolerated' && row.toleranceDeadline && !row.tolerancePromisedAt ? 'sign_promise' as const
      : row.status === 'tolerated' && toleranceMissing ? 'supply_tolerated' as const
      : row.status === 'concluded' && !evaluated ? 'evaluate' as const : row.status === 'returned' ? 'resubmit' as const : null;
    return {
      id: row.id, caseNo: row.caseNo, matterCode: row.matterCode, matterName: row.matterName, status: row.status as CaseStatus, result: row.result as CaseView['result'],
      orgName: row.orgName, channel: row.channel as CaseView['channel'], submittedAt: row.submittedAt.toISOString(), concludedAt: row.concludedAt?.toISOString() ?? null, todo,
    };
  }

  async function toCitizenView(q: Queryable, row: CaseRow): Promise<CitizenCaseView> {
    const [history, materials, links, checklist] = await readAll(q, [
      () => caseRepo.history(q, row.id), () => caseRepo.materials(q, row.id), () => caseRepo.links(q, row.id),
      () => (row.formVersionId ? deps.matter.deriveChecklist(row.matterVersionId, row.situationAnswers, q) : Promise.resolve(null)),
    ] as const);
    const refusing = history.findLast((h) => h.action === 'return' || h.action === 'not_accept' || (h.action === 'approve_step' && h.detail.result === 'disapproved'));
    const ended = row.status === 'returned' || row.status === 'not_accepted' || (row.status === 'concluded' && row.result === 'disapproved');
    const names = new Map<string, string>();
    for (const m of materials) if (m.fileId) names.set(m.fileId, (await deps.files.getMeta(q, m.fileId))?.fileName ?? '');
    const doc = links.findLast((l) => l.kind === 'result_document');
    return {
      ...citizenSummaryOf(row, links.some((l) => l.kind === 'evaluation'), materials.some((m) => m.status === 'tolerated_missing')),
      applicantName: row.applicantName, applicantIdNoMasked: maskIdNo(row.applicantIdNo) ?? '', situationAnswers: row.situationAnswers,
      formVersionId: row.formVersionId, formSections: checklist?.sections ?? [], formData: row.formData,
      steps: history.filter((h) => h.action !== 'migrate_process' && h.action !== 'return_step').map((h) => {
        const concluding = h.action === 'approve_step' && !!h.detail.result;
        const facing = applicantFacing.has(h.action) || (concluding && h.detail.result === 'disapproved');
        return {
          action: concluding ? 'conclude' : h.action, label: concluding ? '办结' : caseActionLabels[h.action as keyof typeof caseActionLabels] ?? h.action,
          status: h.toStatus as CaseStatus, orgName: h.orgName, note: facing ? h.opinion : '', at: h.at.toISOString(),
        };
      }),
      materials: materials.map((m) => ({ materialCode: m.materialCode, name: m.name, status: m.status as 'provided', source: m.source as 'upload', licenceId: m.licenceId, at: m.at.toISOString(), fileId: m.fileId, fileName: m.fileId ? names.get(m.fileId) ?? null : null })),
      supplementRequest: supplementRequestOf(row, history),
      refusalReason: ended && refusing ? refusing.opinion : null,
      slaDeadline: row.slaDeadline,
      delivery: deliveryOf(row.formData, false),
      resultDocument: doc ? { fileId: doc.refId, label: doc.label } : null,
      tolerance: toleranceOf(row, materials, history, links, chinaDate(now())),
    };
  }

  /** Inside the caller's transaction when given one (a declaration marks itself submitted with the case). */
  const inTransaction = <T>(outer: Queryable | undefined, fn: (tx: Queryable) => Promise<T>) => (outer ? fn(outer) : deps.db.transaction(fn));

  const tolerance = createToleranceUseCases(deps, { now, actorOf, orgName, resolveMaterials, load, loadForApplicant, toCitizenView });

  const window = createWindowUseCases(deps, { now, load, toView, actorOf, orgName });

  const service = {
    applicationFormPdf: window.applicationFormPdf,
    documents: window.documents,
    documentPdf: window.documentPdf,
    documentsForArchive: window.documentsForArchive,
    licenceCandidates: window.licenceCandidates,
    useLicence: window.useLicence,
    signPromise: tolerance.signPromise,
    promisePreview: tolerance.promisePreview,
    runToleranceDeadlines: tolerance.runToleranceDeadlines,

    /** 申报 / 窗口登记: validates against the matter version the case will keep for its whole life. */
    create: (ctx: RequestCtx, input: CreateCaseBody, outer?: Queryable) => inTransaction(outer, async (tx) => {
      const body = CreateCaseSchema.parse(input);
      if (body.idempotencyKey) {
        const existing = await caseRepo.findByIdempotencyKey(tx, body.idempotencyKey);
        if (existing) {
          if (existing.createdBy !== (ctx.user?.userId ?? null) || existing.citizenId !== (ctx.citizen?.citizenId ?? null)) throw caseErrors.DUPLICATE_SUBMISSION();
          return toView(tx, existing);
        }
      }
      if (!ctx.user && !ctx.citizen) throw commonErrors.UNAUTHENTICATED();
      if (ctx.citizen) {
        // online: the applicant is whoever signed in (or the company they act for), never typed in
        const self = applicantOf(ctx.citizen);
        if (body.applicantType !== self.type || body.applicantIdNo.toUpperCase() !== self.idNo) throw caseErrors.APPLICANT_NOT_SELF();
        body.applicantName = self.name;
        if (body.channel === 'window') body.channel = 'online';
      }
      const orgId = body.orgId ?? ctx.user?.orgId;
      if (!orgId) throw caseErrors.ORG_REQUIRED({ field: 'orgId' });
      if (ctx.user && ctx.user.scope.kind !== 'self' && !scopeAllows(ctx.user.scope, { orgId })) throw caseErrors.ORG_OUT_OF_SCOPE({ orgId });
      const org = await deps.identity.findOrg(tx, orgId);
      if (!org) throw caseErrors.ORG_NOT_FOUND({ field: 'orgId' });
      if (ctx.citizen && org.level !== 'station' && org.level !== 'window' && org.level !== 'county') throw caseErrors.ORG_NOT_SERVICE_POINT({ field: 'orgId' });

      const version = await deps.matter.getPublishedVersion(body.matterCode, { orgId, tx });
      const config = version.config;
      if (!config.applicantTypes.includes(body.applicantType)) throw caseErrors.APPLICANT_TYPE_NOT_ACCEPTED({ field: 'applicantType' });
      const today = chinaDate(now());
      const idNo = body.applicantIdNo.toUpperCase();
      const idProblem = body.applicantType === 'natural_person' ? idNumberProblem(idNo, today) : (isCreditCode(idNo) ? null : 'credit_code');
      if (idProblem) throw caseErrors.APPLICANT_ID_INVALID({ field: 'applicantIdNo', problem: idProblem }, body.applicantType === 'natural_person' ? '公民身份号码无效' : '统一社会信用代码无效');

      const checklist = await deps.matter.deriveChecklist(version.id, body.situationAnswers, tx);
      // facts other modules hold about the applicant (the registry's `facts.hukou.householdType`), only when a rule reads them
      const facts = deps.facts && checklist.eligibilityRules.some((r) => r.expression.includes('facts.'))
        ? await deps.facts.collect(tx, { type: body.applicantType, idNo }) : {};
      for (const rule of checklist.eligibilityRules) {
        // rules read form fields bare or as `form.x` (the matter editor documents `form.schoolRegionCode`)
        const scope = { ...body.formData, form: body.formData, applicant: { idNo, name: body.applicantName, type: body.applicantType }, answers: body.situationAnswers, facts };
        if (!evaluateBoolean(rule.expression, scope, { today })) {
          throw caseErrors.NOT_ELIGIBLE({ questionKey: rule.questionKey, optionKey: rule.optionKey }, rule.message ?? '不符合办理条件');
        }
      }
      let form: { key: string; id: string } | null = null;
      // what is stored is what the engine returns: computed fields recomputed, hidden ones dropped
      let formData: Record<string, unknown> = config.bindings.formKeys.length ? {} : body.formData;
      for (const key of config.bindings.formKeys) {
        const def = await deps.form.getPublished(tx, key);
        const result = await deps.form.validateVersion(tx, def.id, body.formData, { sections: checklist.sections, context: formContextOf({ applicantIdNo: idNo, applicantName: body.applicantName }) });
        if (!result.ok) throw caseErrors.FORM_INVALID({ errors: result.errors });
        form ??= { key, id: def.id };
        formData = { ...formData, ...result.values };
      }
      if (body.channel !== 'window') {
        // online and self-service applications carry every required material (shared data is fetched by the system)
        const given = new Set(body.materials.map((m) => m.materialCode));
        const missing = checklist.materials.filter((m) => m.required && m.source !== 'shared_data' && !given.has(m.code));
        if (missing.length) throw caseErrors.MATERIALS_MISSING({ materials: missing.map((m) => ({ code: m.code, name: m.name })) }, `缺少必需的申请材料：${missing.map((m) => m.name).join('、')}`);
      }
      const at = now();
      const id = randomUUID();
      const materials = await resolveMaterials(tx, ctx, { caseId: id, orgId, applicantIdNo: idNo, checklist, materials: body.materials, status: 'provided', at });

      const caseNo = await issueNumber(tx, 'case', deps.numberPattern, { date: today, vars: { region: org.regionCode ?? org.code.slice(0, 6) } });
      const processKey = checklist.processKey ?? config.bindings.processKey;
      await caseRepo.insert(tx, {
        id, caseNo, idempotencyKey: body.idempotencyKey ?? null, matterId: version.matterId, matterCode: version.matterCode, matterName: config.name,
        matterVersionId: version.id, matterVersionNo: version.versionNo, policeType: config.policeType, applicantType: body.applicantType,
        applicantName: body.applicantName, applicantIdNo: idNo, contactPhone: body.contactPhone ?? ctx.citizen?.phone ?? null, channel: body.channel, status: 'submitted',
        orgId, orgName: org.name, createdBy: ctx.user?.userId ?? null, citizenId: ctx.citizen?.citizenId ?? null, situationAnswers: body.situationAnswers, formKey: form?.key ?? null,
        formVersionId: form?.id ?? null, formData, processKey, limitDays: config.promisedLimitDays ?? config.statutoryLimitDays,
        submittedAt: at,
      });
      await caseRepo.insertMaterials(tx, materials);
      if (processKey) {
        const started = await deps.workflow.start(tx, ctx, {
          key: processKey, businessKey: id,
          variables: { ...formData, caseId: id, caseNo, matterCode: version.matterCode, matterName: config.name, applicantType: body.applicantType, acceptingOrgId: orgId, parentOrgId: org.parentId },
        });
        await caseRepo.update(tx, id, 0, { workflowInstanceId: started.instanceId });
      }
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: 'submit', fromStatus: null, toStatus: 'submitted', ...actorOf(ctx), orgName: ctx.user ? await orgName(tx, ctx.user.orgId) : null, opinion: '', at });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.submit', targetType: 'case_application', targetIds: [id], detail: { caseNo, matterCode: version.matterCode, versionNo: version.versionNo } });
      await deps.events.emit(tx, 'case.application.submitted', { caseId: id, caseNo, matterCode: version.matterCode, orgId }, { traceId: ctx.traceId });
      return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
    }),

    /** One step of the case: state transition, the workflow task it completes, SLA clock, history, audit, event, SMS. */
    act: (ctx: RequestCtx, id: string, input: CaseActionBody) => deps.db.transaction(async (tx) => actOn(tx, ctx, await load(tx, ctx, id, true), input)),

    /** 退回 inside the approval process to an earlier node; the case's status does not change. */
    returnStep: (ctx: RequestCtx, id: string, input: { taskId: string; targetNodeId: string; opinion: string }) => deps.db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, true);
      const task = await taskOfCase(tx, row, input.taskId);
      if (!task) throw caseErrors.NO_PROCESS();
      await deps.workflow.returnTo(tx, ctx, { taskId: task.id, targetNodeId: input.targetNodeId, opinion: input.opinion });
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: 'return_step', fromStatus: row.status, toStatus: row.status, ...actorOf(ctx), orgName: await orgName(tx, ctx.user?.orgId ?? null), opinion: input.opinion, detail: { from: task.nodeId, to: input.targetNodeId }, at: now() });
      if (!(await caseRepo.update(tx, id, row.revision, {}))) throw caseErrors.STALE();
      return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
    }),

    /** Moves the case's running process to a newer published version of its definition. */
    migrateProcess: (ctx: RequestCtx, id: string, input: { targetDefinitionId: string; nodeMapping?: Record<string, string> }) => deps.db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, true);
      if (!row.workflowInstanceId) throw caseErrors.NO_PROCESS();
      const r = await deps.workflow.migrate(tx, ctx, { instanceId: row.workflowInstanceId, targetDefinitionId: input.targetDefinitionId, nodeMapping: input.nodeMapping });
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: 'migrate_process', fromStatus: row.status, toStatus: row.status, ...actorOf(ctx), orgName: await orgName(tx, ctx.user?.orgId ?? null), opinion: '', detail: { targetDefinitionId: input.targetDefinitionId, ...(r && typeof r === 'object' ? r : {}) }, at: now() });
      if (!(await caseRepo.update(tx, id, row.revision, {}))) throw caseErrors.STALE();
      return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
    }),

    get: async (ctx: RequestCtx, id: string) => toView(deps.db, await load(deps.db, ctx, id)),

    /** The unmasked ID number and phone, for the officer handling the case; every look is audited. */
    sensitive: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const row = await load(tx, ctx, id);
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.view_sensitive', targetType: 'case_application', targetIds: [id], detail: { caseNo: row.caseNo } });
      return { applicantIdNo: row.applicantIdNo, contactPhone: row.contactPhone };
    }),

    async list(ctx: RequestCtx, query: CaseListQuery) {
      if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
      const { rows, total } = await caseRepo.list(deps.db, ctx.user.scope, query, chinaDate(now()));
      return { items: rows.map(summaryOf), total };
    },

    /** Recomputes SLA clocks and sends the warning and the alarm once each. Safe on several instances. */
    runSla: (limit = 500) => deps.db.transaction(async (tx) => {
      const today = chinaDate(now());
      const rows = await caseRepo.claimOpenClocks(tx, limit);
      let notified = 0;
      for (const row of rows) {
        const sla = await slaOf(tx, row, today);
        const warn = sla.slaStatus === 'warning' && !row.slaWarnedAt;
        const alarm = sla.slaStatus === 'overdue' && !row.slaOverdueNotifiedAt;
        const vars = { caseNo: row.caseNo, nodeName: row.matterName, dueDate: sla.slaDeadline };
        if ((warn || alarm) && row.acceptedBy) {
          await deps.message.send(tx, { templateCode: alarm ? 'sla.overdue' : 'sla.warning', recipients: [{ userId: row.acceptedBy }], vars, businessKey: row.id, link: `/handling/cases/${row.id}` });
          notified++;
        }
        await caseRepo.update(tx, row.id, row.revision, {
          ...sla, ...(warn || (alarm && !row.slaWarnedAt) ? { slaWarnedAt: now() } : {}), ...(alarm ? { slaOverdueNotifiedAt: now() } : {}),
        });
      }
      return notified;
    }),

    // ------------------------------------------------------------ the applicant's side (我的办件)

    /** 我的办件: cases of the signed-in person, or of the company they act for. */
    async listForApplicant(ctx: RequestCtx, query: CitizenCaseListQuery) {
      const a = applicantOf(requireCitizen(ctx));
      const { rows, total } = await caseRepo.listByApplicant(deps.db, a.idNo, query);
      return { items: rows.map(({ row, evaluated }) => citizenSummaryOf(row, !!evaluated)), total };
    },

    getForApplicant: async (ctx: RequestCtx, id: string) => toCitizenView(deps.db, await loadForApplicant(deps.db, ctx, id)),
    /** For other modules: the signed-in applicant's own case in brief (CASE_NOT_FOUND otherwise). */
    applicantCaseSummary: async (q: Queryable, ctx: RequestCtx, id: string) => summaryOf(await loadForApplicant(q, ctx, id)),

    /** 补件: the applicant answers a request for materials online; the case goes back to where it was and the clock resumes. */
    supply: (ctx: RequestCtx, id: string, input: SupplyMaterialsBody) => deps.db.transaction(async (tx) => {
      const body = SupplySchema.parse(input);
      const row = await loadForApplicant(tx, ctx, id, true);
      if (row.status === 'tolerated') return tolerance.supplyTolerated(tx, ctx, row, body);
      if (row.status !== 'supplement') throw caseErrors.ACTION_NOT_ALLOWED({ status: row.status, action: 'supply' }, '该办件当前不需要补正材料');
      const request = supplementRequestOf(row, await caseRepo.history(tx, row.id));
      const given = new Set(body.materials.map((m) => m.materialCode));
      const missing = (request?.materials ?? []).filter((m) => !given.has(m.code));
      if (missing.length) throw caseErrors.SUPPLEMENT_INCOMPLETE({ materials: missing }, `还有需补正的材料未提交：${missing.map((m) => m.name).join('、')}`);
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const materials = await resolveMaterials(tx, ctx, { caseId: row.id, orgId: row.orgId, applicantIdNo: row.applicantIdNo, checklist: version.config, materials: body.materials, status: 'supplemented', at: now() });
      await caseRepo.insertMaterials(tx, materials);
      await actOn(tx, ctx, row, { action: 'supplement_received', opinion: body.note }, { suppliedMaterials: materials.map((m) => m.materialCode) });
      return toCitizenView(tx, (await caseRepo.findInScope(tx, row.id, null))!);
    }),

    /** The applicant's file (a material, the signed 容缺 promise or the result document) of their own case. */
    async applicantFile(ctx: RequestCtx, id: string, fileId: string) {
      const row = await loadForApplicant(deps.db, ctx, id);
      const [materials, links] = await Promise.all([caseRepo.materials(deps.db, row.id), caseRepo.links(deps.db, row.id)]);
      if (!materials.some((m) => m.fileId === fileId) && !links.some((l) => (l.kind === 'result_document' || l.kind === 'tolerance_promise') && l.refId === fileId)) throw caseErrors.FILE_NOT_FOUND({ fileId });
      const meta = await deps.files.getMeta(deps.db, fileId);
      const bytes = meta && (await deps.files.readBytes(meta.sha256));
      if (!meta || !bytes) throw caseErrors.FILE_NOT_FOUND({ fileId });
      return { meta, bytes };
    },

    /** 变更结果送达方式 (窗口领取 ↔ 邮寄) at the applicant's request; recorded in the case history. */
    changeDelivery: (ctx: RequestCtx, id: string, input: { method: 'window' | 'post'; mailRecipient?: string; mailPhone?: string; mailRegion?: string; mailAddress?: string; reason: string }) => deps.db.transaction(async (tx) => {
      const row = await load(tx, ctx, id, true);
      if (isTerminal(row.status as CaseStatus)) throw caseErrors.ACTION_NOT_ALLOWED({ status: row.status, action: 'change_delivery' });
      const mail = input.method === 'post' ? { mailRecipient: input.mailRecipient?.trim(), mailPhone: input.mailPhone?.trim(), mailRegion: input.mailRegion?.trim(), mailAddress: input.mailAddress?.trim() } : {};
      if (input.method === 'post' && (!mail.mailRecipient || !mail.mailPhone || !/^1\d{10}$/.test(mail.mailPhone) || !mail.mailAddress || mail.mailAddress.length < 5)) throw caseErrors.DELIVERY_INVALID();
      const before = deliveryOf(row.formData, true);
      const formData = { ...row.formData, deliveryMethod: input.method, ...mail };
      if (!(await caseRepo.update(tx, id, row.revision, { formData }))) throw caseErrors.STALE();
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: 'change_delivery', fromStatus: row.status, toStatus: row.status, ...actorOf(ctx), orgName: await orgName(tx, ctx.user?.orgId ?? null), opinion: input.reason, detail: { from: before?.method ?? null, to: input.method }, at: now() });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.change_delivery', targetType: 'case_application', targetIds: [id], detail: { caseNo: row.caseNo, from: before?.method ?? null, to: input.method } });
      return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
    }),

    /**
     * 结果文书: the concluded case's 准予许可决定书 or 不予许可决定书 from the published print template,
     * stored as a file and linked to the case. Run after the conclusion commits (event subscriber); a
     * second run does nothing.
     */
    issueResultDocument: async (q: Queryable, caseId: string) => {
      const row = await caseRepo.findInScope(q, caseId, null);
      if (!deps.print || !row || row.status !== 'concluded' || !row.result) return null;
      const links = await caseRepo.links(q, caseId);
      if (links.some((l) => l.kind === 'result_document')) return null;
      const history = await caseRepo.history(q, caseId);
      const last = history.findLast((h) => h.action === 'approve_step' || h.action === 'conclude');
      const approved = row.result === 'approved';
      const key = approved ? 'approval_result' : 'disapproval_result';
      const label = approved ? '准予许可决定书' : '不予许可决定书';
      const doc = await deps.print.render(q, key, {
        applicantName: row.applicantName, matterName: row.matterName, caseNo: row.caseNo, orgName: row.orgName ?? '',
        concludedDate: chinaDate(row.concludedAt ?? now()), opinion: last?.opinion ?? '', reason: approved ? '' : last?.opinion ?? '',
      });
      const file = await deps.files.storeGenerated(q, { bytes: doc.bytes, fileName: `${label}-${row.caseNo}.pdf`, mime: 'application/pdf', purpose: 'result_document', orgId: row.orgId });
      await caseRepo.addLink(q, { id: randomUUID(), caseId, kind: 'result_document', refId: file.id, label, at: now() });
      return file.id;
    },

    /** 领取登记: the result handed over at the window, to the applicant or an agent; once. */
    collect: (ctx: RequestCtx, id: string, input: CollectBody) => deps.db.transaction(async (tx) => {
      const body = CollectSchema.parse(input);
      const row = await load(tx, ctx, id, true);
      if (row.status !== 'concluded' || row.result !== 'approved' || deliveryOf(row.formData, false)?.method === 'post') throw caseErrors.NOT_COLLECTABLE();
      const history = await caseRepo.history(tx, id);
      if (collectionOf(history)) throw caseErrors.ALREADY_COLLECTED();
      const problem = idNumberProblem(body.collectorIdNo, chinaDate(now()));
      if (problem) throw commonErrors.VALIDATION_FAILED({ fields: [{ path: 'collectorIdNo', message: '公民身份号码无效' }] });
      if (body.relation === 'self' && (body.collectorIdNo !== row.applicantIdNo || row.applicantType !== 'natural_person')) throw caseErrors.COLLECTOR_NOT_APPLICANT({ field: 'collectorIdNo' });
      const masked = maskIdNo(body.collectorIdNo) ?? '';
      if (!(await caseRepo.update(tx, id, row.revision, {}))) throw caseErrors.STALE();
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: id, action: 'collect', fromStatus: row.status, toStatus: row.status, ...actorOf(ctx), orgName: await orgName(tx, ctx.user?.orgId ?? null),
        opinion: body.note, detail: { relation: body.relation, collectorName: body.collectorName, collectorIdNoMasked: masked }, at: now() });
      await caseRepo.addLink(tx, { id: randomUUID(), caseId: id, kind: 'collection', refId: id, label: `${body.relation === 'self' ? '本人' : '代领'}：${body.collectorName}`, at: now() });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.collect', targetType: 'case_application', targetIds: [id], detail: { caseNo: row.caseNo, relation: body.relation, collector: masked } });
      return toView(tx, (await caseRepo.findInScope(tx, id, null))!);
    }),

    /** For other modules: record something produced for the case (notice, payment, delivery, evaluation, archive). */
    addLink: async (q: Queryable, caseId: string, link: { kind: string; refId: string; label: string }) => {
      await caseRepo.addLink(q, { id: randomUUID(), caseId, ...link, at: now() });
    },
    /** For other modules: a case by id, whatever the caller's scope (they authorise themselves). */
    findCase: async (q: Queryable, caseId: string) => {
      const row = await caseRepo.findInScope(q, caseId, null);
      return row && toView(q, row);
    },
  };
  return service;
};
export type CaseService = ReturnType<typeof createCaseService>;

function summaryOf(row: CaseRow) {
  return {
    id: row.id, caseNo: row.caseNo, matterCode: row.matterCode, matterName: row.matterName, policeType: row.policeType as CaseView['policeType'],
    applicantType: row.applicantType as CaseView['applicantType'], applicantName: row.applicantName, applicantIdNoMasked: maskIdNo(row.applicantIdNo) ?? '',
    channel: row.channel as CaseView['channel'], status: row.status as CaseStatus, orgId: row.orgId, orgName: row.orgName,
    slaStatus: row.slaStatus as SlaStatus, slaDeadline: row.slaDeadline, submittedAt: row.submittedAt.toISOString(), revision: row.revision,
    toleranceDeadline: row.toleranceDeadline,
  };
}
