import { randomUUID } from 'node:crypto';
import {
  ArchiveRuleBody as RuleSchema, matterTypeNationalCode, type ArchiveListQuery, type ArchiveRecordSummary, type ArchiveRecordView, type ArchiveRuleBody,
  type ArchiveRuleView, type MatterType, type RetentionPeriod,
} from '@jsga/contracts';
import { commonErrors, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { CaseApi } from '../../../centres/case';
import type { MatterApi } from '../../../centres/matter';
import { archiveErrors } from '../archive.errors';
import { defaultCatalogue, nationalRetention } from '../rule/archive-rule.rules';
import { archiveRepo, type ArchiveRecordRow, type ArchiveRuleRow } from './archive.repo';

export type ArchiveServiceDeps = {
  db: Db;
  audit: Audit;
  cases: Pick<CaseApi, 'findCase' | 'documentsForArchive'>;
  matter: Pick<MatterApi, 'getPublishedVersion' | 'getVersion'>;
  codes: { fonds: string; category: string; pattern: string };
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

  return {
    resolveRule,

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

    async list(ctx: RequestCtx, query: ArchiveListQuery) {
      const { rows, total } = await archiveRepo.list(deps.db, scopeOf(ctx), query);
      return { items: rows.map(summaryOf), total };
    },
    get: async (ctx: RequestCtx, id: string) => viewOf(await load(deps.db, ctx, id)),

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

    /** 归档配置 of a matter as it applies now (its own rule or the default it falls back to). */
    async rule(ctx: RequestCtx, matterCode: string) {
      scopeOf(ctx);
      const version = await deps.matter.getPublishedVersion(matterCode);
      return resolveRule(deps.db, matterCode, version.config);
    },

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
      } else {
        await archiveRepo.insertRule(tx, { id: randomUUID(), matterCode, matterType: version.config.matterType, ...patch });
      }
      await deps.audit.recordFor(tx, ctx, { action: 'archive.rule.save', targetType: 'matter', targetIds: [matterCode], detail: { retention: body.retention, items: body.catalogue.length, typeCode: matterTypeNationalCode[version.config.matterType] } });
      return resolveRule(tx, matterCode, version.config);
    }),
  };
};
export type ArchiveService = ReturnType<typeof createArchiveService>;
