import { randomUUID } from 'node:crypto';
import {
  ArchiveRuleBody as RuleSchema, matterTypeLabels, matterTypeNationalCode, MatterType, type ArchiveCheckResult, type ArchiveListQuery, type ArchiveLogQuery, type ArchiveMatterRuleSummary,
  type ArchiveMatterRuleView, type ArchiveRecordSummary, type ArchiveRecordView, type ArchiveRuleBody, type ArchiveRuleOverview, type ArchiveRuleView, type ArchiveTypeRuleView,
  type ListQuery, type MatterVersionView, type RetentionPeriod,
} from '@jsga/contracts';
import { checkPackage } from '../package';
import { commonErrors, searchAuditLogs, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import { createSigner, generateSigningKeyPair, verifySignature } from '@jsga/gm-crypto';
import type { FilesApi } from '../../../centres/files';
import type { MatterApi } from '../../../centres/matter';
import { archiveErrors } from '../archive.errors';
import { defaultCatalogue, nationalRetention } from '../rule/archive-rule.rules';
import { archivalCodeRegex, renderArchivalCode } from '../code/archival-code.rules';
import { createPackaging, type PackagingDeps } from './archive-packaging';
import { archiveRepo, type ArchiveRecordRow, type ArchiveRuleRow } from './archive.repo';

export type ArchiveServiceDeps = PackagingDeps & {
  db: Db;
  audit: Audit;
  matter: Pick<MatterApi, 'getPublishedVersion' | 'getVersion' | 'deriveChecklist' | 'listPublished'>;
  files: Pick<FilesApi, 'getMeta' | 'readBytes' | 'storeGenerated'>;
  /** PKCS#8 PEM of the SM2 key that signs manifests; without it a key is generated and kept in the database. */
  signingKeyPem?: string;
  now?: () => Date;
};

const chinaYear = (d: Date) => Number(new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

export function summaryOf(r: ArchiveRecordRow): ArchiveRecordSummary {
  return {
    id: r.id, caseId: r.caseId, caseNo: r.caseNo, matterCode: r.matterCode, matterName: r.matterName, orgId: r.orgId, orgName: r.orgName,
    applicantName: r.applicantName, result: r.result as 'approved', concludedAt: r.concludedAt.toISOString(), year: r.year,
    status: r.status as ArchiveRecordSummary['status'], retention: r.retention as RetentionPeriod, archivalCode: r.archivalCode,
    archivedAt: r.archivedAt?.toISOString() ?? null, missing: r.missing as ArchiveRecordSummary['missing'], checkedAt: r.checkedAt?.toISOString() ?? null, revision: r.revision,
  };
}
const matterRuleView = (version: MatterVersionView, rule: ArchiveRuleView): ArchiveMatterRuleView => ({
  ...rule, matterName: version.name, materials: version.config.materials.map((m) => ({ code: m.code, name: m.name, required: m.required })),
});
/** A type default as saved, else the national default; its catalogue is the generic items only. */
function typeRuleView(matterType: MatterType, row: ArchiveRuleRow | null): ArchiveTypeRuleView {
  const national = matterTypeNationalCode[matterType];
  const base = { matterType, typeName: matterTypeLabels[matterType], nationalCode: national };
  if (!row) {
    return { ...base, source: 'national_default', retention: nationalRetention[matterType], openness: 'closed', securityLevel: 'none', scope: 'all', catalogue: defaultCatalogue([]), revision: 0, updatedAt: null };
  }
  return {
    ...base, source: 'type_default', retention: row.retention as RetentionPeriod, openness: row.openness as ArchiveRuleView['openness'],
    securityLevel: row.securityLevel as ArchiveRuleView['securityLevel'], scope: row.scope as ArchiveRuleView['scope'], catalogue: row.catalogue, revision: row.revision, updatedAt: row.updatedAt.toISOString(),
  };
}
const viewOf = (r: ArchiveRecordRow): ArchiveRecordView => ({
  ...summaryOf(r), checks: r.checks, packageName: r.packageName, packageFileId: r.packageFileId, packageSm3: r.packageSm3, packageSize: r.packageSize, archivedBy: r.archivedByName,
});

export const createArchiveService = (deps: ArchiveServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const scopeOf = (ctx: RequestCtx) => {
    if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
    return ctx.user.scope;
  };

  /** The rule that applies to a matter: its own, else its 事项类型's default, else the national default. */
  async function resolveRule(q: Queryable, matterCode: string, config: { matterType: MatterType; materials: Array<{ code: string; name: string; required: boolean }> }): Promise<ArchiveRuleView> {
    const own = await archiveRepo.ruleForMatter(q, matterCode);
    const typed = own ? null : await archiveRepo.ruleForType(q, config.matterType);
    const row: ArchiveRuleRow | null = own ?? typed;
    if (row) {
      return {
        matterCode: row.matterCode, matterType: row.matterType, source: own ? 'matter' : 'type_default', retention: row.retention as RetentionPeriod,
        openness: row.openness as ArchiveRuleView['openness'], securityLevel: row.securityLevel as ArchiveRuleView['securityLevel'], scope: row.scope as ArchiveRuleView['scope'],
        // a type default names no materials of its own: the matter's are added
        catalogue: own ? row.catalogue : defaultCatalogue(config.materials).map((c) => row.catalogue.find((x) => x.kind === c.kind && x.kind !== 'material') ?? c),
        revision: row.revision, updatedAt: row.updatedAt.toISOString(),
      };
    }
    return {
      matterCode, matterType: config.matterType, source: 'national_default', retention: nationalRetention[config.matterType], openness: 'closed', securityLevel: 'none', scope: 'all',
      catalogue: defaultCatalogue(config.materials), revision: 0, updatedAt: null,
    };
  }

  async function load(q: Queryable, ctx: RequestCtx, id: string, lock = false) {
    const row = await archiveRepo.find(q, id, scopeOf(ctx), { lock });
    if (!row) throw archiveErrors.NOT_FOUND({ id });
    return row;
  }

  const packaging = createPackaging(deps);
  const ALG = 'SM2-SM3' as const;
  /** The signing key: the configured one, else the newest stored, else a new one stored (two instances converge on the first inserted). */
  async function signingKey(q: Queryable) {
    if (deps.signingKeyPem) {
      const signer = createSigner(ALG, deps.signingKeyPem);
      await archiveRepo.insertSigningKey(q, { id: randomUUID(), algorithm: ALG, publicKeyPem: signer.publicKeyPem, privateKeyPem: null, createdAt: now() });
      return signer;
    }
    let keys = await archiveRepo.signingKeys(q);
    if (!keys.some((k) => k.privateKeyPem)) {
      const pair = generateSigningKeyPair(ALG);
      await archiveRepo.insertSigningKey(q, { id: randomUUID(), algorithm: ALG, publicKeyPem: pair.publicKeyPem, privateKeyPem: pair.privateKeyPem, createdAt: now() });
      keys = await archiveRepo.signingKeys(q);
    }
    return createSigner(ALG, keys.find((k) => k.privateKeyPem)!.privateKeyPem!);
  }
  const trustedKeys = async (q: Queryable) => (await archiveRepo.signingKeys(q)).map((k) => k.publicKeyPem);
  const verify = (algorithm: string, publicKeyPem: string, data: Uint8Array, signature: Uint8Array) =>
    (algorithm === 'SM2-SM3' || algorithm === 'RSA-SHA256') && verifySignature(algorithm, publicKeyPem, data, signature);

  async function ruleOfRecord(q: Queryable, record: ArchiveRecordRow) {
    const c = await deps.cases.findCase(q, record.caseId);
    if (!c) throw archiveErrors.NOT_FOUND({ caseId: record.caseId });
    const version = await deps.matter.getVersion(c.matterVersionId, q);
    return resolveRule(q, record.matterCode, version.config);
  }

  /** 四性检测 on a package built as it would be archived (档号 not yet given); records the outcome. */
  async function checkRecord(tx: Queryable, ctx: RequestCtx, record: ArchiveRecordRow) {
    if (record.status === 'archived') throw archiveErrors.ALREADY_ARCHIVED();
    const rule = await ruleOfRecord(tx, record);
    const collected = await packaging.collect(tx, record, rule);
    const at = now();
    const { checks, ok } = await packaging.buildAndCheck({ collected, archivalCode: null, archivedAt: at, signer: await signingKey(tx), verify, trustedPublicKeys: await trustedKeys(tx), seq: 1 }); // provisional 件号: this package is not kept
    if (!(await archiveRepo.update(tx, record.id, record.revision, { status: ok ? 'pending' : 'check_failed', checks, missing: collected.missing, checkedAt: at, retention: rule.retention }))) throw archiveErrors.STALE();
    await deps.audit.recordFor(tx, ctx, { action: 'archive.record.check', targetType: 'archive_record', targetIds: [record.id], detail: { caseNo: record.caseNo, ok, failed: checks.filter((x) => x.status === 'fail').map((x) => x.id) } });
    return (await archiveRepo.find(tx, record.id, null))!;
  }

  /**
   * 归档: collect, assign the 档号 (the scope's next 件号, under the counter's row lock), build and sign
   * the package, check it again, store it. A failed check rolls everything back, the counter included,
   * so 件号 stay gap-free; the failure is then recorded on its own.
   */
  async function archiveOne(ctx: RequestCtx, id: string) {
    try {
      return await deps.db.transaction(async (tx) => {
        const record = await load(tx, ctx, id, true);
        if (record.status === 'archived') throw archiveErrors.ALREADY_ARCHIVED();
        const rule = await ruleOfRecord(tx, record);
        const collected = await packaging.collect(tx, record, rule);
        const at = now();
        const scope = { fondsCode: deps.codes.fonds, category: deps.codes.category, year: record.year, retention: rule.retention };
        const seq = await archiveRepo.nextItemNo(tx, scope);
        const archivalCode = renderArchivalCode(deps.codes.pattern, { fonds: deps.codes.fonds, category: deps.codes.category, type: collected.typeCode, year: record.year, retention: rule.retention, seq });
        if (!archivalCodeRegex(deps.codes.pattern).test(archivalCode) || (await archiveRepo.findByCode(tx, archivalCode))) throw archiveErrors.CODE_CONFLICT({ archivalCode });
        const { built, checks, ok } = await packaging.buildAndCheck({ collected, archivalCode, archivedAt: at, signer: await signingKey(tx), verify, trustedPublicKeys: await trustedKeys(tx), seq });
        if (!ok) throw archiveErrors.CHECK_FAILED({ checks });
        const file = await deps.files.storeGenerated(tx, { bytes: built.bytes, fileName: `${built.packageName}.zip`, mime: 'application/zip', purpose: 'archive_package', orgId: record.orgId });
        const patch = {
          status: 'archived', checks, missing: collected.missing, checkedAt: at, retention: rule.retention, fondsCode: deps.codes.fonds, itemNo: seq, archivalCode,
          packageName: built.packageName, packageFileId: file.id, packageSm3: built.digests.sm3, packageSize: built.digests.size, archivedAt: at,
          archivedBy: ctx.user!.userId, archivedByName: ctx.user!.displayName,
        };
        if (!(await archiveRepo.update(tx, record.id, record.revision, patch))) throw archiveErrors.STALE();
        await deps.audit.recordFor(tx, ctx, { action: 'archive.record.archive', targetType: 'archive_record', targetIds: [record.id], detail: { caseNo: record.caseNo, archivalCode, packageSm3: built.digests.sm3 } });
        return (await archiveRepo.find(tx, record.id, null))!;
      });
    } catch (e) {
      const failed = (e as { code?: string }).code === archiveErrors.CHECK_FAILED.code ? ((e as { details?: { checks?: ArchiveCheckResult[] } }).details?.checks ?? []) : null;
      if (failed) {
        await deps.db.transaction(async (tx) => {
          const record = await load(tx, ctx, id, true);
          await archiveRepo.update(tx, record.id, record.revision, { status: 'check_failed', checks: failed, checkedAt: now() });
          await deps.audit.recordFor(tx, ctx, { action: 'archive.record.archive', targetType: 'archive_record', targetIds: [record.id], result: 'failure', detail: { caseNo: record.caseNo, failed: failed.filter((x) => x.status === 'fail').map((x) => x.id) } });
        });
      }
      throw e;
    }
  }

  return {
    resolveRule,

    /** 四性检测 without archiving: the record shows every check; failures move it to 检测未通过. */
    check: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => viewOf(await checkRecord(tx, ctx, await load(tx, ctx, id, true)))),
    archive: async (ctx: RequestCtx, id: string) => viewOf(await archiveOne(ctx, id)),
    /** 批量归档: each record on its own (one failing does not stop the others). */
    async archiveBatch(ctx: RequestCtx, ids: string[]) {
      const items = [];
      for (const id of [...new Set(ids)]) {
        try {
          const r = await archiveOne(ctx, id);
          items.push({ id, caseNo: r.caseNo, ok: true, archivalCode: r.archivalCode, message: `已归档，档号 ${r.archivalCode}` });
        } catch (e) {
          const row = await archiveRepo.find(deps.db, id, scopeOf(ctx));
          items.push({ id, caseNo: row?.caseNo ?? '', ok: false, archivalCode: null, message: e instanceof Error ? e.message : '归档失败' });
        }
      }
      return { items };
    },
    /** The stored package of an archived record; audited as a download. */
    package: (ctx: RequestCtx, id: string) => deps.db.transaction(async (tx) => {
      const record = await load(tx, ctx, id);
      const meta = record.packageFileId ? await deps.files.getMeta(tx, record.packageFileId) : null;
      const bytes = meta && (await deps.files.readBytes(meta.sha256));
      if (!meta || !bytes) throw archiveErrors.PACKAGE_NOT_FOUND();
      await deps.audit.recordFor(tx, ctx, { action: 'archive.package.download', targetType: 'archive_record', targetIds: [record.id], detail: { archivalCode: record.archivalCode } });
      return { bytes, fileName: meta.fileName };
    }),
    /** `archive verify`: re-runs the 四性检测 on package bytes against the platform's signing keys. */
    verifyPackage: async (bytes: Uint8Array) => {
      const report = await checkPackage(bytes, { profile: packaging.profile, verify, expected: { trustedPublicKeys: await trustedKeys(deps.db), archivalCodePattern: archivalCodeRegex(deps.codes.pattern) } });
      return report;
    },

    /** 收集: a concluded case becomes 待归档 (unless its rule archives approved cases only). Idempotent. */
    onCaseConcluded: async (q: Queryable, caseId: string) => {
      const c = await deps.cases.findCase(q, caseId);
      if (!c || c.status !== 'concluded' || !c.result) return null;
      const version = await deps.matter.getVersion(c.matterVersionId, q);
      const rule = await resolveRule(q, c.matterCode, version.config);
      if (rule.scope === 'approved_only' && c.result !== 'approved') return null;
      const concludedAt = c.concludedAt ? new Date(c.concludedAt) : now();
      await archiveRepo.insertRecord(q, {
        id: randomUUID(), caseId, caseNo: c.caseNo, matterCode: c.matterCode, matterName: c.matterName, orgId: c.orgId, orgName: c.orgName,
        applicantName: c.applicantName, result: c.result, concludedAt, year: chinaYear(concludedAt), status: 'pending', retention: rule.retention, createdAt: now(),
      });
      return caseId;
    },

    /** 归档日志: the audit trail's archive actions, in the caller's scope; one record's with `recordId`. */
    logs: (ctx: RequestCtx, query: ArchiveLogQuery) => {
      const { recordId, ...rest } = query;
      return searchAuditLogs(deps.db, { ...rest, actionPrefix: 'archive.', targetId: recordId, scope: scopeOf(ctx) });
    },

    async list(ctx: RequestCtx, query: ArchiveListQuery) {
      const { rows, total } = await archiveRepo.list(deps.db, scopeOf(ctx), query);
      return { items: rows.map(summaryOf), total };
    },
    get: async (ctx: RequestCtx, id: string) => viewOf(await load(deps.db, ctx, id)),
    /** The workbench's filter options: units (by name), matters and years that have records in scope. */
    async facets(ctx: RequestCtx, year?: number) {
      const f = await archiveRepo.facets(deps.db, scopeOf(ctx), year);
      return { ...f, orgs: f.orgs.map((o) => ({ id: o.id, name: o.name ?? o.id })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
    },

    /** 归档统计: due (concluded), archived, failed and the archiving rate per org or matter, best rate first. */
    async stats(ctx: RequestCtx, query: { by: 'org' | 'matter'; year?: number }) {
      const rows = await archiveRepo.stats(deps.db, scopeOf(ctx), query.by, query.year);
      const items = rows.map((r) => {
        const total = Number(r.total);
        const archived = Number(r.archived);
        return { key: String(r.key), name: r.name ?? String(r.key), total, archived, failed: Number(r.failed), pending: total - archived, rate: total ? Math.round((archived / total) * 1000) / 10 : 0 };
      }).sort((a, b) => b.rate - a.rate || b.total - a.total);
      return { items };
    },

    /** 归档配置 of a matter as it applies now (its own rule or the default it falls back to), with the matter's materials. */
    async rule(ctx: RequestCtx, matterCode: string): Promise<ArchiveMatterRuleView> {
      scopeOf(ctx);
      const version = await deps.matter.getPublishedVersion(matterCode);
      return matterRuleView(version, await resolveRule(deps.db, matterCode, version.config));
    },

    /** 归档配置 overview: every 事项类型's default and a page of published matters with the rule each uses. */
    async rules(ctx: RequestCtx, query: ListQuery): Promise<ArchiveRuleOverview> {
      scopeOf(ctx);
      const saved = new Map((await archiveRepo.typeRules(deps.db)).map((r) => [r.matterType, r]));
      const types = MatterType.options.map((t) => typeRuleView(t, saved.get(t) ?? null));
      const page = await deps.matter.listPublished(query);
      const own = new Map((await archiveRepo.rulesForMatters(deps.db, page.items.map((m) => m.code))).map((r) => [r.matterCode, r]));
      const items = page.items.map((m): ArchiveMatterRuleSummary => {
        // the matter's own rule, else its type's default as already resolved above
        const mine = own.get(m.code);
        const type = types.find((t) => t.matterType === m.matterType)!;
        return {
          matterCode: m.code, matterName: m.name, matterType: m.matterType,
          source: mine ? 'matter' : type.source,
          retention: (mine?.retention ?? type.retention) as RetentionPeriod, openness: (mine?.openness ?? type.openness) as ArchiveRuleView['openness'],
          securityLevel: (mine?.securityLevel ?? type.securityLevel) as ArchiveRuleView['securityLevel'], scope: (mine?.scope ?? type.scope) as ArchiveRuleView['scope'],
          updatedAt: mine?.updatedAt.toISOString() ?? null,
        };
      });
      return { types, items, total: page.total };
    },

    /** Saves a 事项类型's default (matters of the type without a rule of their own follow it); audited. */
    saveTypeRule: (ctx: RequestCtx, matterType: MatterType, input: ArchiveRuleBody & { expectedRevision?: number }) => deps.db.transaction(async (tx) => {
      scopeOf(ctx);
      const body = RuleSchema.parse(input);
      const materials = body.catalogue.filter((c) => c.kind === 'material');
      if (materials.length) throw archiveErrors.CATALOGUE_INVALID({ items: materials.map((c) => c.name) }, `事项类型默认的归档材料目录不能列具体申请材料（各事项的申请材料自动加入）：${materials.map((c) => c.name).join('、')}`);
      const existing = await archiveRepo.ruleForType(tx, matterType);
      const patch = { retention: body.retention, openness: body.openness, securityLevel: body.securityLevel, scope: body.scope, catalogue: body.catalogue, updatedBy: ctx.user!.userId, updatedAt: now() };
      if (existing) {
        if (input.expectedRevision !== undefined && input.expectedRevision !== existing.revision) throw archiveErrors.STALE();
        if (!(await archiveRepo.updateRule(tx, existing.id, existing.revision, patch))) throw archiveErrors.STALE();
      } else if (!(await archiveRepo.insertRule(tx, { id: randomUUID(), matterCode: null, matterType, ...patch }))) {
        throw archiveErrors.STALE();
      }
      await deps.audit.recordFor(tx, ctx, { action: 'archive.rule.save', targetType: 'matter_type', targetIds: [matterType], detail: { retention: body.retention, items: body.catalogue.length, typeCode: matterTypeNationalCode[matterType] } });
      return typeRuleView(matterType, await archiveRepo.ruleForType(tx, matterType));
    }),

    /** 恢复默认: drops a matter's own rule, so it follows its 事项类型's default again; audited. */
    resetRule: (ctx: RequestCtx, matterCode: string, expectedRevision?: number) => deps.db.transaction(async (tx) => {
      scopeOf(ctx);
      const version = await deps.matter.getPublishedVersion(matterCode, { tx });
      const existing = await archiveRepo.ruleForMatter(tx, matterCode);
      if (existing) {
        if (expectedRevision !== undefined && expectedRevision !== existing.revision) throw archiveErrors.STALE();
        if (!(await archiveRepo.deleteRule(tx, existing.id, existing.revision))) throw archiveErrors.STALE();
        await deps.audit.recordFor(tx, ctx, { action: 'archive.rule.reset', targetType: 'matter', targetIds: [matterCode], detail: { retention: existing.retention } });
      }
      return matterRuleView(version, await resolveRule(tx, matterCode, version.config));
    }),

    /** Saves a matter's own rule (the first save turns a default into the matter's own); audited. */
    saveRule: (ctx: RequestCtx, matterCode: string, input: ArchiveRuleBody & { expectedRevision?: number }) => deps.db.transaction(async (tx) => {
      scopeOf(ctx);
      const body = RuleSchema.parse(input);
      const version = await deps.matter.getPublishedVersion(matterCode, { tx });
      const codes = new Set(version.config.materials.map((m) => m.code));
      const unknown = body.catalogue.filter((c) => c.kind === 'material' && (!c.materialCode || !codes.has(c.materialCode)));
      if (unknown.length) throw archiveErrors.CATALOGUE_INVALID({ items: unknown.map((c) => c.name) }, `归档材料目录中的材料不在本事项的材料清单内：${unknown.map((c) => c.name).join('、')}`);
      const existing = await archiveRepo.ruleForMatter(tx, matterCode);
      const patch = { retention: body.retention, openness: body.openness, securityLevel: body.securityLevel, scope: body.scope, catalogue: body.catalogue, updatedBy: ctx.user!.userId, updatedAt: now() };
      if (existing) {
        if (input.expectedRevision !== undefined && input.expectedRevision !== existing.revision) throw archiveErrors.STALE();
        if (!(await archiveRepo.updateRule(tx, existing.id, existing.revision, patch))) throw archiveErrors.STALE();
      } else if (!(await archiveRepo.insertRule(tx, { id: randomUUID(), matterCode, matterType: version.config.matterType, ...patch }))) {
        throw archiveErrors.STALE();
      }
      await deps.audit.recordFor(tx, ctx, { action: 'archive.rule.save', targetType: 'matter', targetIds: [matterCode], detail: { retention: body.retention, items: body.catalogue.length, typeCode: matterTypeNationalCode[version.config.matterType] } });
      return matterRuleView(version, await resolveRule(tx, matterCode, version.config));
    }),
  };
};
export type ArchiveService = ReturnType<typeof createArchiveService>;
