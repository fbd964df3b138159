import { randomUUID } from 'node:crypto';
import {
  CreateDeclarationBody as CreateSchema, SaveDeclarationBody as SaveSchema, type ApplicantLicence, type CreateDeclarationBody, type DeclarationPrefill,
  type DeclarationReceipt, type DeclarationView, type SaveDeclarationBody, type ServicePoint, type WindowPrefillBody,
} from '@jsga/contracts';
import { idNumberProblem } from '@jsga/form-engine';
import { applicantOf, chinaDate, readAll, commonErrors, maskIdNo, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { CaseApi } from '../../case';
import { isInForce, type ElicenseApi } from '../../elicense';
import type { FormApi } from '../../form';
import type { IdentityApi } from '../../identity';
import type { MatterApi } from '../../matter';
import { declarationErrors } from '../declaration.errors';
import { declarationRepo, type DraftRow } from './declaration.repo';

export type DeclarationServiceDeps = {
  db: Db;
  audit: Audit;
  matter: Pick<MatterApi, 'getPublishedVersion' | 'getVersion' | 'deriveChecklist'>;
  form: Pick<FormApi, 'getPublished'>;
  cases: Pick<CaseApi, 'create' | 'getForApplicant'>;
  elicense: Pick<ElicenseApi, 'prefillFor' | 'findForHolder' | 'listTypes'>;
  identity: Pick<IdentityApi, 'listServicePoints'>;
  now?: () => Date;
};


export const createDeclarationService = (deps: DeclarationServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  function citizenOf(ctx: RequestCtx) {
    if (!ctx.citizen) throw commonErrors.UNAUTHENTICATED();
    const c = ctx.citizen;
    return { c, applicant: applicantOf(c), owner: { citizenId: c.citizenId, applicantIdNo: applicantOf(c).idNo } };
  }
  const requireConsent = (ctx: RequestCtx) => {
    const r = citizenOf(ctx);
    if (!r.c.consented) throw declarationErrors.CONSENT_REQUIRED();
    return r;
  };

  async function load(q: Queryable, ctx: RequestCtx, id: string, lock = false) {
    const row = await declarationRepo.find(q, id, citizenOf(ctx).owner, lock);
    if (!row) throw declarationErrors.NOT_FOUND({ id });
    return row;
  }

  async function toView(q: Queryable, row: DraftRow): Promise<DeclarationView> {
    const version = await deps.matter.getPublishedVersion(row.matterCode, { ...(row.orgId ? { orgId: row.orgId } : {}), tx: q });
    const checklist = await deps.matter.deriveChecklist(version.id, row.situationAnswers, q);
    const formVersionIds: Record<string, string> = {};
    for (const key of checklist.formKeys) formVersionIds[key] = (await deps.form.getPublished(q, key)).id;
    return {
      id: row.id, matterCode: row.matterCode, matterName: row.matterName, status: row.status as 'draft', caseId: row.caseId, updatedAt: row.updatedAt.toISOString(),
      revision: row.revision, applicantType: row.applicantType as 'natural_person', applicantName: row.applicantName, applicantIdNoMasked: maskIdNo(row.applicantIdNo) ?? '',
      situationAnswers: row.situationAnswers, formData: row.formData, materials: row.materials.map((m) => ({ ...m, label: m.label ?? '' })), orgId: row.orgId, contactPhone: row.contactPhone,
      checklist, formVersionIds,
    };
  }

  /** 感知回填 for a person or a company: identity as given, the population registry and the holder's e-licences. */
  async function prefillOf(q: Queryable, who: { type: 'natural_person' | 'legal_person'; idNo: string; name: string; phone: string | null; agentName: string | null }, identityLabel: string): Promise<DeclarationPrefill> {
    const [p, types] = await readAll(q, [() => deps.elicense.prefillFor(q, who.idNo), () => deps.elicense.listTypes(q)] as const);
    const v = p.values;
    const sourceLabels: Record<string, string> = { applicant: identityLabel, population: '人口信息库' };
    for (const t of types) if (p.byType[t.code]) sourceLabels[t.code] = `电子证照·${t.name}`;
    return {
      applicant: {
        name: who.name, idNo: who.idNo, type: who.type, ...(who.phone ? { phone: who.phone } : {}),
        ...(who.type === 'natural_person' ? { sex: v.sex, birthDate: v.birthDate, ethnicity: v.ethnicity, address: v.address } : { companyName: who.name, creditCode: who.idNo, agentName: who.agentName }),
      },
      population: who.type === 'natural_person'
        ? { hukou: { regionCode: v.hukouRegion, address: v.hukouAddress, householdNo: v.householdNo, householderName: v.householderName }, address: v.address ?? v.hukouAddress }
        : {},
      // the licence's validity dates are readable too (有效期止 is not a 照面 field of its own)
      elicense: Object.fromEntries(Object.entries(p.byType).map(([code, x]) => [code, { validFrom: x.validFrom ?? undefined, validTo: x.validTo ?? undefined, ...x.face }])),
      sourceLabels,
    };
  }

  const service = {
    /** 开始申报 (or 修改后重新申报 from a returned case). */
    create: async (ctx: RequestCtx, input: CreateDeclarationBody) => {
      const body = CreateSchema.parse(input);
      const { c, applicant } = requireConsent(ctx);
      const prior = body.fromCaseId ? await deps.cases.getForApplicant(ctx, body.fromCaseId) : null;
      return deps.db.transaction(async (tx) => {
      const version = await deps.matter.getPublishedVersion(body.matterCode, { tx });
      if (version.config.channels.length && !version.config.channels.some((ch) => ch === 'online' || ch === 'mobile')) throw declarationErrors.NOT_ONLINE();
      if (!version.config.applicantTypes.includes(applicant.type)) throw declarationErrors.APPLICANT_TYPE_NOT_ACCEPTED();
      let seed: Partial<Pick<DraftRow, 'situationAnswers' | 'formData' | 'materials' | 'orgId' | 'contactPhone'>> = { situationAnswers: body.situationAnswers };
      if (prior) {
        if (prior.status !== 'returned' || prior.matterCode !== body.matterCode) throw declarationErrors.CASE_NOT_RETURNED();
        seed = {
          situationAnswers: prior.situationAnswers, formData: prior.formData, orgId: null, contactPhone: null,
          materials: prior.materials.filter((m) => m.status !== 'tolerated_missing' && (m.fileId || m.licenceId))
            .map((m) => ({ materialCode: m.materialCode, ...(m.licenceId ? { licenceId: m.licenceId } : { fileId: m.fileId! }), label: m.fileName ?? m.name })),
        };
      }
      await deps.matter.deriveChecklist(version.id, seed.situationAnswers ?? {}, tx); // refuses answers the tree does not allow
      const at = now();
      const id = randomUUID();
      await declarationRepo.insert(tx, {
        id, citizenId: c.citizenId, applicantType: applicant.type, applicantIdNo: applicant.idNo, applicantName: applicant.name, matterCode: version.matterCode,
        matterName: version.config.name, ...seed, contactPhone: seed.contactPhone ?? c.phone, status: 'draft', createdAt: at, updatedAt: at,
      });
      await deps.audit.recordFor(tx, ctx, { action: 'declaration.draft.create', targetType: 'declaration_draft', targetIds: [id], detail: { matterCode: version.matterCode, fromCaseId: body.fromCaseId ?? null } });
      return toView(tx, (await declarationRepo.find(tx, id, citizenOf(ctx).owner))!);
      });
    },

    async list(ctx: RequestCtx, page = 1, pageSize = 20) {
      const { rows, total } = await declarationRepo.list(deps.db, citizenOf(ctx).owner, page, pageSize);
      return { items: rows.map((r) => ({ id: r.id, matterCode: r.matterCode, matterName: r.matterName, status: r.status as 'draft', caseId: r.caseId, updatedAt: r.updatedAt.toISOString(), revision: r.revision })), total };
    },

    get: async (ctx: RequestCtx, id: string) => toView(deps.db, await load(deps.db, ctx, id)),

    /** 表单暂存: whatever is filled so far, checked only for shape; full validation happens on submit. */
    save: (ctx: RequestCtx, id: string, input: SaveDeclarationBody) => deps.db.transaction(async (tx) => {
      const body = SaveSchema.parse(input);
      const row = await load(tx, ctx, id, true);
      if (row.status !== 'draft') throw declarationErrors.ALREADY_SUBMITTED();
      if (body.expectedRevision !== row.revision) throw declarationErrors.STALE();
      if (body.situationAnswers) {
        const version = await deps.matter.getPublishedVersion(row.matterCode, { tx });
        await deps.matter.deriveChecklist(version.id, body.situationAnswers, tx);
      }
      const ok = await declarationRepo.update(tx, id, row.revision, {
        ...(body.situationAnswers ? { situationAnswers: body.situationAnswers } : {}),
        formData: body.formData, materials: body.materials, orgId: body.orgId, contactPhone: body.contactPhone,
      });
      if (!ok) throw declarationErrors.STALE();
      return toView(tx, (await declarationRepo.find(tx, id, citizenOf(ctx).owner))!);
    }),

    remove: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      if (!(await declarationRepo.remove(tx, id, citizenOf(ctx).owner))) throw declarationErrors.NOT_FOUND({ id });
      await deps.audit.recordFor(tx, ctx, { action: 'declaration.draft.delete', targetType: 'declaration_draft', targetIds: [id] });
      return { ok: true as const };
    }),

    /**
     * 提交申报: the case centre validates everything (eligibility, form, materials, e-licences) and the
     * draft is marked submitted in the same transaction; a repeated submit returns the same case.
     */
    submit: (ctx: RequestCtx, id: string, expectedRevision: number): Promise<DeclarationReceipt> => deps.db.transaction(async (tx) => {
      const { applicant } = requireConsent(ctx);
      const row = await load(tx, ctx, id, true);
      if (row.status === 'draft' && expectedRevision !== row.revision) throw declarationErrors.STALE();
      if (!row.orgId) throw declarationErrors.ORG_REQUIRED({ field: 'orgId' });
      const created = await deps.cases.create(ctx, {
        matterCode: row.matterCode, orgId: row.orgId, applicantType: applicant.type, applicantName: applicant.name, applicantIdNo: applicant.idNo,
        ...(row.contactPhone ? { contactPhone: row.contactPhone } : {}), channel: 'online', situationAnswers: row.situationAnswers, formData: row.formData,
        materials: row.materials.map((m) => ({ materialCode: m.materialCode, ...(m.licenceId ? { licenceId: m.licenceId } : { fileId: m.fileId }) })),
        idempotencyKey: `declaration:${row.id}`,
      }, tx);
      if (row.status === 'draft' && !(await declarationRepo.update(tx, id, row.revision, { status: 'submitted', caseId: created.id }))) throw declarationErrors.STALE();
      return {
        caseId: created.id, caseNo: created.caseNo, matterName: created.matterName, orgName: created.orgName, submittedAt: created.submittedAt, limitDays: created.limitDays,
        nextSteps: [
          `${created.orgName ?? '受理单位'}将在1个工作日内完成网上预审，结果以短信通知并可在“我的办件”查看。`,
          '如需补充材料，请按一次性告知的要求在线补正，补正期间不计入办理时限。',
          created.limitDays ? `预审通过即为受理，承诺${created.limitDays}个工作日内办结。` : '预审通过即为受理。',
        ],
      };
    }),

    /** 感知回填 sources from the applicant's verified identity, the population registry (户口簿) and e-licences. */
    async prefill(ctx: RequestCtx): Promise<DeclarationPrefill> {
      const { c, applicant } = requireConsent(ctx);
      return prefillOf(deps.db, { ...applicant, phone: c.phone, agentName: c.name }, '身份认证信息');
    },

    /**
     * 窗口感知回填: after the officer reads the applicant's ID card, the card's fields stand as the
     * applicant, the population registry and e-licences add the rest. Audited: it reveals personal data.
     */
    windowPrefill: (ctx: RequestCtx, card: WindowPrefillBody) => deps.db.transaction(async (tx) => {
      if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
      const problem = idNumberProblem(card.idNo, chinaDate(now()));
      if (problem) throw commonErrors.VALIDATION_FAILED({ fields: [{ path: 'idNo', message: '公民身份号码无效' }] });
      const base = await prefillOf(tx, { type: 'natural_person', idNo: card.idNo, name: card.name, phone: null, agentName: null }, '居民身份证（读卡）');
      const read = Object.fromEntries(Object.entries({ sex: card.sex, ethnicity: card.ethnicity, birthDate: card.birthDate, address: card.address }).filter(([, v]) => v));
      await deps.audit.recordFor(tx, ctx, { action: 'declaration.prefill.window', targetType: 'person', targetIds: [maskIdNo(card.idNo) ?? ''], detail: { sources: Object.keys(base.sourceLabels) } });
      return { ...base, applicant: { ...base.applicant, ...read } };
    }),

    /** 免证办: the applicant's licences in force today (the person's own too when acting for a company). */
    async licences(ctx: RequestCtx): Promise<{ items: ApplicantLicence[] }> {
      const { c, applicant } = requireConsent(ctx);
      const today = chinaDate(now());
      const types = new Map((await deps.elicense.listTypes(deps.db)).map((t) => [t.code, t.name]));
      const holders = applicant.type === 'legal_person' ? [{ creditCode: applicant.idNo }, { idNo: c.idNo }] : [{ idNo: c.idNo }];
      const items: ApplicantLicence[] = [];
      for (const h of holders) {
        for (const l of await deps.elicense.findForHolder(deps.db, h)) {
          if (!isInForce(l, today)) continue;
          items.push({ id: l.id, typeCode: l.typeCode, typeName: types.get(l.typeCode) ?? l.typeCode, licenceNoMasked: maskIdNo(l.licenceNo) ?? '', issuerName: l.issuerName, validTo: l.validTo });
        }
      }
      return { items };
    },

    servicePoints: async (keyword?: string): Promise<{ items: ServicePoint[] }> => ({ items: await deps.identity.listServicePoints(deps.db, keyword) }),
  };
  return service;
};
export type DeclarationService = ReturnType<typeof createDeclarationService>;
