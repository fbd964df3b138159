import type { CalendarDay, DeployWorkflowBody, WorkflowDefinitionListQuery } from '@jsga/contracts';
import type { Audit, Db, RequestCtx } from '@jsga/kernel';
import type { WorkflowService } from '../instance/workflow.service';
import { instanceRepo } from '../instance/instance.repo';
import { workflowErrors } from '../workflow.errors';
import { definitionRepo, type DefinitionRow } from './definition.repo';

export type WorkflowAdminServiceDeps = { db: Db; audit: Audit; workflow: WorkflowService };

const toView = (d: DefinitionRow) => ({
  id: d.id, key: d.key, version: d.version, name: d.name, status: d.status as 'draft' | 'published' | 'retired',
  createdAt: d.createdAt.toISOString(), publishedAt: d.publishedAt?.toISOString() ?? null,
});

/** The workbench side of the workflow centre: process definitions and the business calendar. */
export const createWorkflowAdminService = (deps: WorkflowAdminServiceDeps) => ({
  async list(_ctx: RequestCtx, query: WorkflowDefinitionListQuery) {
    const { rows, total } = await definitionRepo.list(deps.db, query);
    return { items: rows.map(toView), total };
  },
  async get(_ctx: RequestCtx, id: string) {
    const d = await definitionRepo.findById(deps.db, id);
    if (!d) throw workflowErrors.DEFINITION_NOT_FOUND({ id });
    return { ...toView(d), bpmnXml: d.bpmnXml };
  },
  deploy: (ctx: RequestCtx, body: DeployWorkflowBody) =>
    deps.db.transaction(async (tx) => {
      const { id } = await deps.workflow.deploy(tx, ctx, body);
      return toView((await definitionRepo.findById(tx, id))!);
    }),
  publish: (ctx: RequestCtx, id: string) =>
    deps.db.transaction(async (tx) => {
      await deps.workflow.publish(tx, ctx, id);
      return toView((await definitionRepo.findById(tx, id))!);
    }),
  async calendar(_ctx: RequestCtx, year: number) {
    const days = await instanceRepo.calendarYear(deps.db, year);
    return { year, days: days.map((d) => ({ date: d.date, kind: d.kind as 'holiday' | 'workday', note: d.note })) };
  },
  saveCalendar: (ctx: RequestCtx, year: number, days: CalendarDay[]) =>
    deps.db.transaction(async (tx) => {
      const outside = days.filter((d) => !d.date.startsWith(`${year}-`));
      if (outside.length) throw workflowErrors.CALENDAR_YEAR_MISMATCH({ dates: outside.map((d) => d.date) });
      const unique = [...new Map(days.map((d) => [d.date, d])).values()].sort((a, b) => a.date.localeCompare(b.date));
      await instanceRepo.replaceCalendarYear(tx, year, unique);
      await deps.audit.recordFor(tx, ctx, { action: 'workflow.calendar.save', targetType: 'calendar', targetIds: [String(year)], detail: { holidays: unique.filter((d) => d.kind === 'holiday').length, workdays: unique.filter((d) => d.kind === 'workday').length } });
      return { year, days: unique };
    }),
});
export type WorkflowAdminService = ReturnType<typeof createWorkflowAdminService>;
