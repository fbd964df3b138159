import { randomUUID } from 'node:crypto';
import { caseActionLabels, caseChannelLabels, type CaseView, type LicenceCandidatesView } from '@jsga/contracts';
import { readableRows, type FormDefinition } from '@jsga/form-engine';
import { chinaDate, maskIdNo, readAll, type Queryable, type RequestCtx } from '@jsga/kernel';
import { isInForce } from '../../elicense';
import { caseErrors } from '../case.errors';
import { isTerminal } from './case-state.rules';
import { caseRepo, type CaseRow } from './case.repo';
import type { CaseServiceDeps } from './case.deps';

/**
 * What the window does with a case besides moving it on: print its 申请表 for the applicant to check
 * and sign, and 证照服务 — put the applicant's matching e-licence in place of a material they
 * uploaded or still owe.
 */

export type WindowCore = {
  now: () => Date;
  load: (q: Queryable, ctx: RequestCtx, id: string, lock?: boolean) => Promise<CaseRow>;
  toView: (q: Queryable, row: CaseRow) => Promise<CaseView>;
  actorOf: (ctx: RequestCtx) => { userId: string | null; userName: string | null; orgId: string | null };
  orgName: (q: Queryable, id: string | null) => Promise<string | null>;
};

const materialState = (m: { status: string; source: string; fileId: string | null }, fileName: string | null) =>
  m.status === 'tolerated_missing' ? '容缺，待补交'
    : m.source === 'elicense' ? '电子证照'
      : `${m.status === 'supplemented' ? '已补交' : '已提交'}${fileName ? `：${fileName}` : ''}`;

const holderOf = (row: CaseRow) => (row.applicantType === 'legal_person' ? { creditCode: row.applicantIdNo } : { idNo: row.applicantIdNo });

export const createWindowUseCases = (deps: CaseServiceDeps, core: WindowCore) => {
  /** The case's form as printed: label/value rows of the sections that apply (top-level rows carry their field key). */
  async function formRowsOf(tx: Queryable, row: CaseRow) {
    if (!row.formVersionId) return [];
    const formVersionId = row.formVersionId;
    const [version, checklist] = await readAll(tx, [() => deps.form.getVersion(tx, formVersionId), () => deps.matter.deriveChecklist(row.matterVersionId, row.situationAnswers, tx)] as const);
    return readableRows(version.definition as FormDefinition, row.formData, checklist.sections);
  }

  /** Every step of the case as 「time action」 → 「org user：opinion」. */
  async function stepsOf(tx: Queryable, row: CaseRow) {
    const stamp = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).replaceAll('/', '-');
    return (await caseRepo.history(tx, row.id)).map((h) => ({
      label: `${stamp(h.at)} ${caseActionLabels[h.action as keyof typeof caseActionLabels] ?? h.action}`,
      value: [[h.orgName, h.userName].filter(Boolean).join(' '), h.opinion].filter(Boolean).join('：'),
      opinion: h.opinion,
    }));
  }

  /** The 申请表 of a case on the published template: the form's readable values and the materials. */
  async function renderApplicationForm(tx: Queryable, row: CaseRow) {
    if (!deps.print) throw caseErrors.ACTION_NOT_ALLOWED({ action: 'print' });
    const form = await formRowsOf(tx, row);
    const materials = [];
    for (const m of await caseRepo.materials(tx, row.id)) {
      const fileName = m.fileId ? (await deps.files.getMeta(tx, m.fileId))?.fileName ?? null : null;
      materials.push({ label: m.name, value: materialState(m, fileName) });
    }
    const delivery = row.formData.deliveryMethod === 'post' ? `邮寄：${String(row.formData.mailAddress ?? '')}` : row.formData.deliveryMethod === 'window' ? '窗口领取' : '';
    const doc = await deps.print.render(tx, 'application_form', {
      applicantName: row.applicantName, applicantIdNo: row.applicantIdNo, contactPhone: row.contactPhone ?? '', matterName: row.matterName, caseNo: row.caseNo,
      orgName: row.orgName ?? '', submittedDate: chinaDate(row.submittedAt), channelName: `${caseChannelLabels[row.channel as CaseView['channel']]}申请`, deliveryMethod: delivery,
      printedDate: chinaDate(core.now()), form, materials,
    });
    return { ...doc, fileName: `申请表-${row.caseNo}.pdf` };
  }

  /** 办理过程记录: every step of the case (who, where, when, opinion) on the published template. */
  async function renderProcessRecord(tx: Queryable, row: CaseRow) {
    if (!deps.print) throw caseErrors.ACTION_NOT_ALLOWED({ action: 'print' });
    const steps = await stepsOf(tx, row);
    const doc = await deps.print.render(tx, 'process_record', {
      applicantName: row.applicantName, applicantIdNo: row.applicantIdNo, contactPhone: row.contactPhone ?? '', matterName: row.matterName, caseNo: row.caseNo, orgName: row.orgName ?? '',
      submittedDate: chinaDate(row.submittedAt), concludedDate: row.concludedAt ? chinaDate(row.concludedAt) : '',
      resultName: row.result === 'approved' ? '准予' : row.result === 'disapproved' ? '不予' : '', printedDate: chinaDate(core.now()), steps,
    });
    return { ...doc, fileName: `办理过程记录-${row.caseNo}.pdf` };
  }

  return {
    /** For archiving: the case's 申请表 and 办理过程记录 as PDFs, and the applicant's full ID number (the caller audits what it does with them). */
    documentsForArchive: async (q: Queryable, caseId: string) => {
      const row = await caseRepo.findInScope(q, caseId, null);
      if (!row) throw caseErrors.NOT_FOUND({ id: caseId });
      return { applicantIdNo: row.applicantIdNo, applicationForm: row.formVersionId ? await renderApplicationForm(q, row) : null, processRecord: await renderProcessRecord(q, row) };
    },

    /** 打印申请表: the case's form and materials on the published 申请表 template; audited (it carries the full ID number). */
    applicationFormPdf: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const row = await core.load(tx, ctx, id);
      const doc = await renderApplicationForm(tx, row);
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.print_form', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, template: `${doc.templateKey}@${doc.templateVersion}` } });
      return { bytes: doc.bytes, fileName: doc.fileName };
    }),

    /** 业务文书 the matter binds (bindings.printTemplateKeys) that are published, for the 打印文书 menu. */
    documents: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const row = await core.load(tx, ctx, id);
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const items = [];
      for (const key of version.config.bindings.printTemplateKeys) {
        const t = deps.print ? await deps.print.getPublished(tx, key).catch(() => null) : null;
        if (t) items.push({ key, title: t.title });
      }
      return { items };
    }),

    /** One bound 业务文书 of the case as a PDF: the case's facts, its form (as rows and as form.<key>) and every step; audited. */
    documentPdf: (ctx: RequestCtx, id: string, key: string) => deps.db.transaction(async (tx) => {
      if (!deps.print) throw caseErrors.ACTION_NOT_ALLOWED({ action: 'print' });
      const row = await core.load(tx, ctx, id);
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      if (!version.config.bindings.printTemplateKeys.includes(key)) throw caseErrors.DOCUMENT_NOT_BOUND({ key });
      const formRows = await formRowsOf(tx, row);
      const steps = await stepsOf(tx, row);
      const doc = await deps.print.render(tx, key, {
        applicantName: row.applicantName, applicantIdNo: row.applicantIdNo, contactPhone: row.contactPhone ?? '', matterName: row.matterName, caseNo: row.caseNo,
        orgName: row.orgName ?? '', submittedDate: chinaDate(row.submittedAt), concludedDate: row.concludedAt ? chinaDate(row.concludedAt) : '',
        resultName: row.result === 'approved' ? '准予' : row.result === 'disapproved' ? '不予' : '', opinion: steps.findLast((x) => x.opinion)?.opinion ?? '',
        printedDate: chinaDate(core.now()), formRows, steps, form: Object.fromEntries(formRows.filter((r) => r.key).map((r) => [r.key, r.value])),
      });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.print_document', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, template: `${doc.templateKey}@${doc.templateVersion}` } });
      return { bytes: doc.bytes, fileName: `${(await deps.print.getPublished(tx, key)).title}-${row.caseNo}.pdf` };
    }),

    /** 证照服务: for each material an e-licence may stand for, the applicant's licences of that type in force today. Audited lookup. */
    licenceCandidates: (ctx: RequestCtx, id: string): Promise<LicenceCandidatesView> => deps.db.transaction(async (tx) => {
      const row = await core.load(tx, ctx, id);
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const typeOf = new Map(version.config.materials.filter((m) => m.elicenseType).map((m) => [m.code, m.elicenseType!]));
      const materials = (await caseRepo.materials(tx, row.id)).filter((m) => typeOf.has(m.materialCode) && m.source !== 'elicense');
      const types = [...new Set(materials.map((m) => typeOf.get(m.materialCode)!))];
      const known = new Map((await deps.elicense.listTypes(tx)).map((t) => [t.code, t.name]));
      const usableTypes = types.filter((t) => known.has(t));
      const today = chinaDate(core.now());
      const licences = usableTypes.length ? (await deps.elicense.findForHolder(tx, { ...holderOf(row), types: usableTypes })).filter((l) => isInForce(l, today)) : [];
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.licence_lookup', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, types: usableTypes, found: licences.length } });
      return {
        items: materials.map((m) => ({
          materialId: m.id, materialCode: m.materialCode, materialName: m.name, status: m.status as 'provided', typeCode: typeOf.get(m.materialCode)!,
          licences: licences.filter((l) => l.typeCode === typeOf.get(m.materialCode)).map((l) => ({
            id: l.id, typeName: known.get(l.typeCode) ?? l.typeCode, licenceNo: l.licenceNo === l.holderIdNo ? maskIdNo(l.licenceNo)! : l.licenceNo,
            holderName: l.holderName, issuerName: l.issuerName, validTo: l.validTo,
          })),
        })),
      };
    }),

    /** 证照服务: the material now rests on the e-licence (checked in force, of the type, held by the applicant); in the history and the audit. */
    useLicence: (ctx: RequestCtx, id: string, materialId: string, licenceId: string) => deps.db.transaction(async (tx) => {
      const row = await core.load(tx, ctx, id, true);
      if (isTerminal(row.status as Parameters<typeof isTerminal>[0])) throw caseErrors.ACTION_NOT_ALLOWED({ status: row.status, action: 'licence_service' });
      const material = (await caseRepo.materials(tx, row.id)).find((m) => m.id === materialId);
      if (!material) throw caseErrors.MATERIAL_UNKNOWN({ materialId });
      const version = await deps.matter.getVersion(row.matterVersionId, tx);
      const type = version.config.materials.find((m) => m.code === material.materialCode)?.elicenseType;
      if (!type) throw caseErrors.MATERIAL_NO_ELICENSE({ materialCode: material.materialCode }, `“${material.name}”不能以电子证照替代`);
      const u = await deps.elicense.isUsableAs(tx, licenceId, type, row.applicantIdNo);
      if (!u.usable) throw caseErrors.ELICENSE_UNUSABLE({ materialCode: material.materialCode }, `“${material.name}”：${u.message}`);
      const at = core.now();
      if (material.status === 'tolerated_missing') {
        await caseRepo.supplyMissingMaterial(tx, row.id, material.materialCode, { fileId: null, licenceId, source: 'elicense', sha256: null, sm3: null, at });
      } else {
        await caseRepo.replaceWithLicence(tx, material.id, licenceId, at);
      }
      if (!(await caseRepo.update(tx, row.id, row.revision, {}))) throw caseErrors.STALE();
      await caseRepo.appendHistory(tx, { id: randomUUID(), caseId: row.id, action: 'licence_service', fromStatus: row.status, toStatus: row.status, ...core.actorOf(ctx), orgName: await core.orgName(tx, ctx.user?.orgId ?? null),
        opinion: `“${material.name}”以电子证照替代`, detail: { materialCode: material.materialCode, licenceId, replacedFileId: material.fileId }, at });
      await deps.audit.recordFor(tx, ctx, { action: 'case.application.licence_service', targetType: 'case_application', targetIds: [row.id], detail: { caseNo: row.caseNo, materialCode: material.materialCode, licenceId } });
      return core.toView(tx, (await caseRepo.findInScope(tx, row.id, null))!);
    }),
  };
};
