import { type HolderIdType, type LicenceDetailView, type LicenceLookupQuery, type LicenceSummaryView } from '@jsga/contracts';
import { idNumberProblem, isCreditCode } from '@jsga/form-engine';
import { chinaDate, maskIdNo, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { elicenseErrors } from '../elicense.errors';
import type { ElicenseProvider, HolderRef, Licence, LicenceType } from '../provider/elicense-provider';
import { effectiveStatus, mergePrefill, usability, type Prefill, type UnusableReason } from './licence.rules';

export type LicenceServiceDeps = { db: Db; audit: Audit; provider: ElicenseProvider; today?: () => string };

/** Whose licences: a citizen by ID number or an organisation by credit code. */
export type HolderQuery = { idNo?: string; creditCode?: string; types?: string[] };

const reasonErrors: Record<UnusableReason, { code: string; message: string }> = {
  not_found: { code: elicenseErrors.NOT_FOUND.code, message: elicenseErrors.NOT_FOUND().message },
  wrong_type: { code: elicenseErrors.WRONG_TYPE.code, message: elicenseErrors.WRONG_TYPE().message },
  wrong_holder: { code: elicenseErrors.WRONG_HOLDER.code, message: elicenseErrors.WRONG_HOLDER().message },
  not_in_force: { code: elicenseErrors.NOT_IN_FORCE.code, message: elicenseErrors.NOT_IN_FORCE().message },
};

export type LicenceUsability =
  | { usable: true; licence: Licence }
  | { usable: false; reason: UnusableReason; code: string; message: string };

/** Checks and normalises the holder of a query; the number itself never goes into an error or a log. */
export function holderOf(h: { idNo?: string; creditCode?: string }): HolderRef {
  const idNo = h.idNo?.trim().toUpperCase() || undefined;
  const creditCode = h.creditCode?.trim().toUpperCase() || undefined;
  if (!idNo === !creditCode) throw elicenseErrors.HOLDER_REQUIRED();
  if (idNo) {
    const problem = idNumberProblem(idNo);
    if (problem) throw elicenseErrors.HOLDER_ID_INVALID({ problem });
    return { idType: 'id_no', code: idNo };
  }
  if (!isCreditCode(creditCode)) throw elicenseErrors.CREDIT_CODE_INVALID();
  return { idType: 'credit_code', code: creditCode! };
}

/** A bare holder number: 18 characters either way, told apart by their check characters. */
function holderFromNumber(holderId: string): HolderRef {
  const v = holderId.trim().toUpperCase();
  if (idNumberProblem(v) === null) return { idType: 'id_no', code: v };
  if (isCreditCode(v)) return { idType: 'credit_code', code: v };
  throw elicenseErrors.HOLDER_ID_INVALID();
}

export const createLicenceService = (deps: LicenceServiceDeps) => {
  const today = deps.today ?? (() => chinaDate(new Date()));
  const p = deps.provider;

  const typesByCode = async (q: Queryable) => new Map((await p.listTypes(q)).map((t) => [t.code, t]));
  const checkTypes = (types: Map<string, LicenceType>, wanted?: string[]) => {
    const unknown = (wanted ?? []).filter((t) => !types.has(t));
    if (unknown.length) throw elicenseErrors.TYPE_UNKNOWN({ types: unknown });
  };

  const summary = (l: Licence, types: Map<string, LicenceType>, now: string): LicenceSummaryView => ({
    id: l.id, typeCode: l.typeCode, typeName: types.get(l.typeCode)?.name ?? l.typeCode, licenceNo: l.holderIdType === 'id_no' && l.licenceNo === l.holderIdNo ? maskIdNo(l.licenceNo)! : l.licenceNo,
    holderName: l.holderName, holderIdType: l.holderIdType, holderIdNoMasked: maskIdNo(l.holderIdNo)!, issuerName: l.issuerName, issueDate: l.issueDate,
    validFrom: l.validFrom, validTo: l.validTo, status: effectiveStatus(l, now),
  });

  const findForHolder = async (q: Queryable, h: HolderQuery) => {
    const holder = holderOf(h);
    checkTypes(await typesByCode(q), h.types);
    return p.findForHolder(q, holder, { types: h.types });
  };

  const get = async (q: Queryable, id: string) => {
    const l = await p.findById(q, id);
    if (!l) throw elicenseErrors.NOT_FOUND();
    return l;
  };

  return {
    listTypes: (q: Queryable = deps.db) => p.listTypes(q),

    /** Licences of one holder, newest first; wrong input throws ELICENSE_HOLDER_* / ELICENSE_TYPE_UNKNOWN. */
    findForHolder,

    /** One licence; throws ELICENSE_NOT_FOUND. */
    get,

    /** 证照核验 today. */
    verify: (q: Queryable, id: string) => p.verify(q, id, today()),

    /** 感知回填: prefill values merged from the holder's in-force licences, with where each came from. */
    async prefillFor(q: Queryable, holderId: string): Promise<Prefill & { holder: { idType: HolderIdType; name: string | null } }> {
      const holder = holderFromNumber(holderId);
      const [licences, types] = [await p.findForHolder(q, holder), await p.listTypes(q)];
      const merged = mergePrefill(licences, types, today());
      const name = merged.values.name ?? merged.values.companyName ?? licences[0]?.holderName ?? null;
      return { ...merged, holder: { idType: holder.idType, name } };
    },

    /** 免证办: may the citizen offer this licence instead of uploading a `typeCode` material? */
    async isUsableAs(q: Queryable, licenceId: string, typeCode: string, holderIdNo: string): Promise<LicenceUsability> {
      const l = await p.findById(q, licenceId);
      const u = usability(l, typeCode, holderIdNo, today());
      return u.usable ? { usable: true, licence: l! } : { usable: false, reason: u.reason, ...reasonErrors[u.reason] };
    },

    /** Officer lookup by holder (list masked, no 照面 data); audited, because it reveals personal data. */
    lookup: (ctx: RequestCtx, query: LicenceLookupQuery) =>
      deps.db.transaction(async (tx) => {
        const types = query.type ? query.type.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
        const holder = holderOf({ idNo: query.holderIdNo, creditCode: query.creditCode });
        const typeMap = await typesByCode(tx);
        checkTypes(typeMap, types);
        const licences = await p.findForHolder(tx, holder, { types });
        await deps.audit.recordFor(tx, ctx, { action: 'elicense.licence.lookup', targetType: 'elicense_licence', targetIds: licences.map((l) => l.id),
          detail: { holderIdType: holder.idType, holder: maskIdNo(holder.code), types: types ?? [], found: licences.length } });
        const now = today();
        const start = (query.page - 1) * query.pageSize;
        return { items: licences.slice(start, start + query.pageSize).map((l) => summary(l, typeMap, now)), total: licences.length };
      }),

    /** One licence with its 照面信息; audited. */
    detail: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx): Promise<LicenceDetailView> => {
        const l = await p.findById(tx, id);
        if (!l) throw elicenseErrors.NOT_FOUND();
        const typeMap = await typesByCode(tx);
        await deps.audit.recordFor(tx, ctx, { action: 'elicense.licence.view', targetType: 'elicense_licence', targetIds: [l.id],
          detail: { typeCode: l.typeCode, holder: maskIdNo(l.holderIdNo) } });
        const { holderIdNoMasked: _masked, ...rest } = summary(l, typeMap, today());
        return { ...rest, licenceNo: l.licenceNo, identifier: l.identifier, holderIdNo: l.holderIdNo, issuerCode: l.issuerCode, storedStatus: l.status,
          faceFields: typeMap.get(l.typeCode)?.faceFields ?? [], faceData: l.faceData, createdAt: l.createdAt };
      }),
  };
};

export type LicenceService = ReturnType<typeof createLicenceService>;
