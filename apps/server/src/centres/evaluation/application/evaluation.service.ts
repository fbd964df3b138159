import { randomUUID } from 'node:crypto';
import { EvaluateBody as EvaluateSchema, type EvaluateBody, type EvaluationView } from '@jsga/contracts';
import { commonErrors, type Audit, type Db, type Queryable, type RequestCtx } from '@jsga/kernel';
import type { CaseApi } from '../../case';
import { evaluationErrors } from '../evaluation.errors';
import { evaluationRepo, type EvaluationRow as Row } from './evaluation.repo';

export type EvaluationServiceDeps = { db: Db; audit: Audit; cases: Pick<CaseApi, 'applicantCaseSummary' | 'addLink'>; now?: () => Date };
const toView = (r: Row): EvaluationView => ({
  id: r.id, caseId: r.caseId, caseNo: r.caseNo, matterName: r.matterName, orgName: r.orgName, level: r.level, tags: r.tags, comment: r.comment, createdAt: r.createdAt.toISOString(),
});

export const createEvaluationService = (deps: EvaluationServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const findByCase = evaluationRepo.findByCase;

  return {
    /** The applicant's evaluation of their concluded case; once only. */
    evaluate: async (ctx: RequestCtx, caseId: string, input: EvaluateBody) => {
      const body = EvaluateSchema.parse(input);
      return deps.db.transaction(async (tx) => {
        const c = await deps.cases.applicantCaseSummary(tx, ctx, caseId); // 404 unless it is the applicant's
        if (c.status !== 'concluded') throw evaluationErrors.NOT_CONCLUDED();
        if (await findByCase(tx, caseId)) throw evaluationErrors.ALREADY_EVALUATED();
        const id = randomUUID();
        const inserted = await evaluationRepo.insert(tx, {
          id, caseId, caseNo: c.caseNo, matterCode: c.matterCode, matterName: c.matterName, orgId: c.orgId, orgName: c.orgName, citizenId: ctx.citizen!.citizenId,
          level: body.level, tags: body.tags, comment: body.comment, createdAt: now(),
        });
        if (!inserted) throw evaluationErrors.ALREADY_EVALUATED();
        await deps.cases.addLink(tx, caseId, { kind: 'evaluation', refId: id, label: `评价：${body.level}星` });
        await deps.audit.recordFor(tx, ctx, { action: 'evaluation.record.create', targetType: 'case_application', targetIds: [caseId], detail: { level: body.level } });
        return toView((await findByCase(tx, caseId))!);
      });
    },

    async ofCaseForApplicant(ctx: RequestCtx, caseId: string) {
      await deps.cases.applicantCaseSummary(deps.db, ctx, caseId);
      const r = await findByCase(deps.db, caseId);
      return { evaluation: r ? toView(r) : null };
    },

    /** Officers: evaluations of cases of the orgs in their data scope, newest first. */
    async list(ctx: RequestCtx, query: { page: number; pageSize: number; level?: number }) {
      if (!ctx.user) throw commonErrors.UNAUTHENTICATED();
      const { rows, total } = await evaluationRepo.list(deps.db, ctx.user.scope, query);
      return { items: rows.map(toView), total };
    },
  };
};
export type EvaluationService = ReturnType<typeof createEvaluationService>;
