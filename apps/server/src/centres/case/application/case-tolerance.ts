import { randomUUID } from 'node:crypto';
import type { CaseActionBody, CaseTolerance, CitizenCaseView, MatterConfig, SupplyMaterialsBody } from '@jsga/contracts';
import { chinaDate, type Queryable, type RequestCtx } from '@jsga/kernel';
import { caseErrors } from '../case.errors';
import { caseRepo, type CaseInsert, type CaseRow } from './case.repo';
import type { CaseServiceDeps } from './case.deps';

/**
 * 容缺受理: a case accepted with secondary materials missing. The applicant promises (in writing at the
 * window, or online with their real-name sign-in) to hand them in by a deadline; the officer confirms
 * 容缺材料补齐 once every one is in; past the deadline the officer and the applicant are alarmed once,
 * and the officer may then refuse (不予受理) as the promise says.
 */

type MaterialRow = Awaited<ReturnType<typeof caseRepo.materials>>[number];
type HistoryRow = Awaited<ReturnType<typeof caseRepo.history>>[number];
type LinkRow = Awaited<ReturnType<typeof caseRepo.links>>[number];

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The promised date must be after today and within the matter's limit (calendar days). */
export const deadlineProblem = (deadline: string | undefined, today: string, limitDays: number) =>
  !deadline || Number.isNaN(Date.parse(deadline)) || deadline <= today || deadline > addDays(today, limitDays);

export const isToleranceOverdue = (row: Pick<CaseRow, 'status' | 'toleranceDeadline'>, today: string) =>
  row.status === 'tolerated' && !!row.toleranceDeadline && row.toleranceDeadline < today;

export function toleranceOf(row: CaseRow, materials: MaterialRow[], history: HistoryRow[], links: LinkRow[], today: string): CaseTolerance | null {
  if (!row.toleranceDeadline) return null;
  const promiseFile = links.findLast((l) => l.kind === 'tolerance_promise');
  const codes = tolerated(history);
  const byCode = new Map<string, MaterialRow>();
  for (const m of materials) {
    if (!codes.has(m.materialCode) || m.status === 'provided') continue;
    if (!byCode.has(m.materialCode) || m.status === 'tolerated_missing') byCode.set(m.materialCode, m);
  }
  return {
    deadline: row.toleranceDeadline,
    overdue: isToleranceOverdue(row, today),
    materials: [...byCode.values()].map((m) => ({ code: m.materialCode, name: m.name, supplied: m.status === 'supplemented' })),
    promise: row.tolerancePromisedAt
      ? { signedAt: row.tolerancePromisedAt.toISOString(), via: history.some((h) => h.action === 'sign_promise') ? 'online' : 'paper', fileId: promiseFile?.refId ?? null }
      : null,
  };
}
/** Codes named missing at 容缺受理. */
const tolerated = (history: HistoryRow[]) => {
  const h = history.findLast((x) => x.action === 'accept_tolerated');
  return new Set(Array.isArray(h?.detail.missingMaterials) ? (h.detail.missingMaterials as string[]) : []);
};

export type ToleranceCore = {
  now: () => Date;
  actorOf: (ctx: RequestCtx) => { userId: string | null; userName: string | null; orgId: string | null };
  orgName: (q: Queryable, id: string | null) => Promise<string | null>;
  resolveMaterials: (q: Queryable, ctx: RequestCtx, input: { caseId: string; orgId: string; applicantIdNo: string; checklist: Pick<MatterConfig, 'materials'>; materials: NonNullable<CaseActionBody['materials']>; status: 'provided' | 'supplemented'; at: Date }) => Promise<Array<typeof import('../db/case.schema').caseMaterial.$inferInsert>>;
  loadForApplicant: (q: Queryable, ctx: RequestCtx, id: string, lock?: boolean) => Promise<CaseRow>;
  load: (q: Queryable, ctx: RequestCtx, id: string, lock?: boolean) => Promise<CaseRow>;
  toCitizenView: (q: Queryable, row: CaseRow) => Promise<CitizenCaseView>;
};

export const createToleranceUseCases = (deps: CaseServiceDeps, core: ToleranceCore) => {
  const promiseData = (row: CaseRow, missing: Array<{ name: string }>, deadline: string, extra: { promisedDate: string; signature: string }) => ({
    applicantName: row.applicantName, applicantIdNo: row.applicantIdNo, contactPhone: row.contactPhone ?? '', matterName: row.matterName, caseNo: row.caseNo,
    orgName: row.orgName ?? '', deadline, ...extra,
    missingMaterials: missing.map((m) => ({ label: m.name, value: `${deadline.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}前补交` })),
  });

  /** Puts each supplied file or licence in place of its missing row; every code must be one still missing. */
  async function fillMissing(tx: Queryable, ctx: RequestCtx, row: CaseRow, input: NonNullable<CaseActionBody['materials']>, at: Date) {
    const missing = (await caseRepo.materials(tx, row.id)).filter((m) => m.status === 'tolerated_missing');
    const codes = new Set(missing.map((m) => m.materialCode));
    const wrong = input.filter((m) => !codes.has(m.materialCode));
    if (wrong.length) throw caseErrors.MATERIAL_NOT_MISSING({ materialCodes: wrong.map((m) => m.materialCode) });
    const version = await deps.matter.getVersion(row.matterVersionId, tx);
    const resolved = await core.resolveMaterials(tx, ctx, { caseId: row.id, orgId: row.orgId, applicantIdNo: row.applicantIdNo, checklist: version.config, materials: input, status: 'supplemented', at });
    for (const m of resolved) {
      await caseRepo.supplyMissingMaterial(tx, row.id, m.materialCode, { fileId: m.fileId ?? null, licenceId: m.licenceId ?? null, source: m.source ?? 'upload', sha256: m.sha256 ?? null, sm3: m.sm3 ?? null, at });
    }
    return resolved;
  }

  return {
    /**
     * Inside 容缺受理: checks the materials named, the deadline and the promise, records the missing
     * materials, and returns what the case row keeps.
     */
    async prepareAcceptTolerated(tx: Queryable, ctx: RequestCtx, row: CaseRow, body: CaseActionBody, at: Date): Promise<Partial<CaseInsert>> {
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const missing = body.missingMaterials ?? [];
      const defs = version.config.materials.filter((m) => missing.includes(m.code));
      if (!missing.length || defs.length !== missing.length || defs.some((m) => !m.allowTolerance)) throw caseErrors.TOLERANCE_NOT_ALLOWED({ missingMaterials: missing });
      const today = chinaDate(at);
      const limit = version.config.toleranceLimitDays ?? 30;
      if (deadlineProblem(body.toleranceDeadline, today, limit)) {
        throw caseErrors.TOLERANCE_DEADLINE_INVALID({ field: 'toleranceDeadline', limitDays: limit }, `补交期限须晚于今天，且不超过 ${limit} 天（${addDays(today, limit)} 前）`);
      }
      let promisedAt: Date | null = null;
      if (body.promiseFileId) {
        const meta = await deps.files.getMeta(tx, body.promiseFileId);
        if (!meta || meta.uploaderKind !== 'user' || meta.uploadedBy !== ctx.user?.userId) throw caseErrors.FILE_NOT_FOUND({ fileId: body.promiseFileId, field: 'promiseFileId' });
        await caseRepo.addLink(tx, { id: randomUUID(), caseId: row.id, kind: 'tolerance_promise', refId: meta.id, label: '容缺受理承诺书（申请人签字）', at });
        promisedAt = at;
      } else if (row.channel !== 'online' && row.channel !== 'mobile') {
        throw caseErrors.TOLERANCE_PROMISE_REQUIRED({ field: 'promiseFileId' });
      }
      await caseRepo.insertMaterials(tx, defs.map((m) => ({ id: randomUUID(), caseId: row.id, materialCode: m.code, name: m.name, status: 'tolerated_missing', at })));
      return { toleranceDeadline: body.toleranceDeadline!, tolerancePromisedAt: promisedAt, toleranceOverdueNotifiedAt: null };
    },

    /** Inside 容缺材料补齐: files scanned at the window go in first; then nothing may still be missing. */
    async prepareToleratedCompleted(tx: Queryable, ctx: RequestCtx, row: CaseRow, body: CaseActionBody, at: Date) {
      if (body.materials?.length) await fillMissing(tx, ctx, row, body.materials, at);
      const still = (await caseRepo.materials(tx, row.id)).filter((m) => m.status === 'tolerated_missing');
      if (still.length) throw caseErrors.TOLERANCE_MATERIALS_MISSING({ materials: still.map((m) => ({ code: m.materialCode, name: m.name })) }, `容缺材料尚未补齐：${still.map((m) => m.name).join('、')}`);
    },

    /** 不予受理 of a tolerated case only once the promised date has passed with materials still missing. */
    async checkRefusable(tx: Queryable, row: CaseRow, at: Date) {
      const still = (await caseRepo.materials(tx, row.id)).some((m) => m.status === 'tolerated_missing');
      if (!isToleranceOverdue(row, chinaDate(at)) || !still) throw caseErrors.TOLERANCE_NOT_OVERDUE();
    },

    /** Window: the 承诺书 to print and have signed before 容缺受理. */
    async promisePreview(ctx: RequestCtx, id: string, input: { missingMaterials: string[]; toleranceDeadline: string }) {
      if (!deps.print) throw caseErrors.ACTION_NOT_ALLOWED({ action: 'print' });
      const row = await core.load(deps.db, ctx, id);
      const version = await deps.matter.getVersion(row.matterVersionId, deps.db);
      const defs = version.config.materials.filter((m) => input.missingMaterials.includes(m.code));
      if (defs.length !== input.missingMaterials.length || defs.some((m) => !m.allowTolerance)) throw caseErrors.TOLERANCE_NOT_ALLOWED({ missingMaterials: input.missingMaterials });
      const doc = await deps.print.render(deps.db, 'tolerance_promise', promiseData(row, defs, input.toleranceDeadline, { promisedDate: chinaDate(core.now()), signature: '申请人当面签字' }));
      return { bytes: doc.bytes, fileName: `容缺受理承诺书-${row.caseNo}.pdf` };
    },

    /** The applicant signs the promise online; the signed-in real-name identity stands as the signature. */
    signPromise: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const row = await core.loadForApplicant(tx, ctx, id, true);
      if (row.status !== 'tolerated' || !row.toleranceDeadline) throw caseErrors.ACTION_NOT_ALLOWED({ status: row.status, action: 'sign_promise' }, '该办件不需要签署容缺受理承诺书');
      if (row.tolerancePromisedAt) throw caseErrors.TOLERANCE_PROMISE_SIGNED();
      const at = core.now();
      const citizen = ctx.citizen!;
      const missing = (await caseRepo.materials(tx, row.id)).filter((m) => m.status === 'tolerated_missing');
      if (deps.print) {
        const stamp = at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
        const doc = await deps.print.render(tx, 'tolerance_promise', promiseData(row, missing, row.toleranceDeadline,
          { promisedDate: chinaDate(at), signature: `${citizen.name}经实名认证于 ${stamp} 在线签署` }));
        const file = await deps.files.storeGenerated(tx, { bytes: doc.bytes, fileName: `容缺受理承诺书-${row.caseNo}.pdf`, mime: 'application/pdf', purpose: 'tolerance_promise', orgId: row.orgId });
        await caseRepo.addLink(tx, { id: randomUUID(), caseId: row.id, kind: 'tolerance_promise', refId: file.id, label: '容缺受理承诺书（在线签署）', at });
      }
      if (!(await caseRepo.update(tx, row.id, row.revision, { tolerancePromisedAt: at }))) throw caseErrors.STALE();
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: row.id, action: 'sign_promise', fromStatus: row.status, toStatus: row.status, ...core.actorOf(ctx), orgName: null,
        opinion: `承诺于 ${row.toleranceDeadline} 前补交：${missing.map((m) => m.name).join('、')}`, detail: { deadline: row.toleranceDeadline }, at });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.sign_promise', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, deadline: row.toleranceDeadline } });
      return core.toCitizenView(tx, (await caseRepo.findInScope(tx, row.id, null))!);
    }),

    /** The applicant hands in missing materials online; the accepting officer is told to confirm 容缺材料补齐. */
    async supplyTolerated(tx: Queryable, ctx: RequestCtx, row: CaseRow, body: SupplyMaterialsBody) {
      const at = core.now();
      const supplied = await fillMissing(tx, ctx, row, body.materials, at);
      if (!(await caseRepo.update(tx, row.id, row.revision, {}))) throw caseErrors.STALE();
      const names = supplied.map((m) => m.name).join('、');
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: row.id, action: 'tolerated_supplied', fromStatus: row.status, toStatus: row.status, ...core.actorOf(ctx), orgName: null,
        opinion: body.note ?? '', detail: { suppliedMaterials: supplied.map((m) => m.materialCode) }, at });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.tolerated_supplied', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, materials: supplied.map((m) => m.materialCode) } });
      if (row.acceptedBy) {
        await deps.message.send(tx, { templateCode: 'case.tolerance.supplied', recipients: [{ userId: row.acceptedBy }], vars: { caseNo: row.caseNo, matterName: row.matterName, materials: names }, businessKey: row.id, link: `/handling/cases/${row.id}` });
      }
      return core.toCitizenView(tx, (await caseRepo.findInScope(tx, row.id, null))!);
    },

    /** Alarms each tolerated case past its promised date once: the accepting officer and the applicant. Safe on several instances. */
    runToleranceDeadlines: (limit = 200) => deps.db.transaction(async (tx) => {
      const at = core.now();
      const rows = await caseRepo.claimOverdueTolerances(tx, chinaDate(at), limit);
      for (const row of rows) {
        const missing = (await caseRepo.materials(tx, row.id)).filter((m) => m.status === 'tolerated_missing');
        const vars = { caseNo: row.caseNo, matterName: row.matterName, deadline: row.toleranceDeadline!, materials: missing.map((m) => m.name).join('、') };
        if (row.acceptedBy) await deps.message.send(tx, { templateCode: 'case.tolerance.overdue', recipients: [{ userId: row.acceptedBy }], vars, businessKey: row.id, link: `/handling/cases/${row.id}` });
        if (row.contactPhone) await deps.message.send(tx, { templateCode: 'case.tolerance.overdue.sms', recipients: [{ phone: row.contactPhone }], vars, businessKey: row.id });
        await caseRepo.update(tx, row.id, row.revision, { toleranceOverdueNotifiedAt: at });
        await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: row.id, action: 'tolerance_overdue', fromStatus: row.status, toStatus: row.status, userId: null, userName: '系统', orgId: null, orgName: null,
          opinion: `承诺于 ${row.toleranceDeadline} 前补交的材料逾期未交：${vars.materials}`, detail: { deadline: row.toleranceDeadline }, at });
        await deps.events.emit(tx, 'case.application.tolerance_overdue', { caseId: row.id, caseNo: row.caseNo, matterCode: row.matterCode, orgId: row.orgId, deadline: row.toleranceDeadline });
      }
      return rows.length;
    }),
  };
};
