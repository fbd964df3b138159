import { randomUUID } from 'node:crypto';
import type { FormListQuery } from '@jsga/contracts';
import { checkDefinition, FormDefinition, selectSections, validateSubmission, type FieldAccess } from '@jsga/form-engine';
import type { Audit, Db, Queryable, RequestCtx } from '@jsga/kernel';
import { formErrors } from '../form.errors';
import { formDefinitionRepo, type FormRow } from './form-definition.repo';

export type FormDefinitionServiceDeps = { db: Db; audit: Audit; today: () => string };

const summary = (r: FormRow) => ({
  id: r.id, key: r.key, version: r.version, title: r.title, status: r.status as 'draft' | 'published' | 'retired',
  updatedAt: r.updatedAt.toISOString(), publishedAt: r.publishedAt?.toISOString() ?? null,
});
const view = (r: FormRow) => ({ ...summary(r), definition: r.definition });

/** A definition that passes every designer check, or DEFINITION_INVALID naming the problems. */
function checked(input: unknown): FormDefinition {
  const problems = checkDefinition(input);
  if (problems.length) throw formErrors.DEFINITION_INVALID({ problems }, `表单定义有误：${problems.slice(0, 3).map((p) => `${p.path} ${p.message}`).join('；')}`);
  return FormDefinition.parse(input);
}

export const createFormDefinitionService = (deps: FormDefinitionServiceDeps) => {
  async function getPublished(q: Queryable, key: string) {
    const row = await formDefinitionRepo.findLatestPublished(q, key);
    if (!row) throw formErrors.NOT_FOUND({ key });
    return row;
  }

  return {
    list: async (_ctx: RequestCtx, query: FormListQuery) => {
      const { rows, total } = await formDefinitionRepo.list(deps.db, query);
      return { items: rows.map(summary), total };
    },
    get: async (_ctx: RequestCtx, id: string) => {
      const row = await formDefinitionRepo.findById(deps.db, id);
      if (!row) throw formErrors.NOT_FOUND({ id });
      return view(row);
    },
    /** A version that was published (drafts stay private to the designers). */
    getReleasedVersion: async (id: string) => {
      const row = await formDefinitionRepo.findById(deps.db, id);
      if (!row || row.status === 'draft') throw formErrors.NOT_FOUND({ id });
      return view(row);
    },
    /** Every version of the key the given version belongs to, newest first. */
    versions: async (_ctx: RequestCtx, id: string) => {
      const row = await formDefinitionRepo.findById(deps.db, id);
      if (!row) throw formErrors.NOT_FOUND({ id });
      return (await formDefinitionRepo.listByKey(deps.db, row.key)).map(summary);
    },
    /** 新建表单: version 1 of a key nobody uses yet (saving a draft would silently add a version to an existing form). */
    create: (ctx: RequestCtx, input: unknown) =>
      deps.db.transaction(async (tx) => {
        const definition = checked(input);
        if (await formDefinitionRepo.nextVersion(tx, definition.key) !== 1) throw formErrors.KEY_TAKEN({ key: definition.key });
        const id = randomUUID();
        await formDefinitionRepo.insert(tx, { id, key: definition.key, version: 1, title: definition.title, definition,
          createdBy: ctx.user?.userId ?? null, updatedBy: ctx.user?.userId ?? null });
        await deps.audit.recordFor(tx, ctx, { action: 'form.definition.create', targetType: 'form_definition', targetIds: [id], detail: { key: definition.key } });
        return view((await formDefinitionRepo.findById(tx, id))!);
      }),
    /** Saves into the key's open draft (opening one when there is none); the definition must pass every check. */
    saveDraft: (ctx: RequestCtx, key: string, input: unknown) =>
      deps.db.transaction(async (tx) => {
        const definition = checked(input);
        if (definition.key !== key) throw formErrors.KEY_MISMATCH({ key, definitionKey: definition.key });
        const draft = await formDefinitionRepo.findDraft(tx, key);
        let id: string;
        if (draft) {
          id = draft.id;
          await formDefinitionRepo.updateDraft(tx, id, definition, ctx.user?.userId ?? null);
        } else {
          id = randomUUID();
          await formDefinitionRepo.insert(tx, { id, key, version: await formDefinitionRepo.nextVersion(tx, key), title: definition.title, definition,
            createdBy: ctx.user?.userId ?? null, updatedBy: ctx.user?.userId ?? null });
        }
        await deps.audit.recordFor(tx, ctx, { action: 'form.definition.save', targetType: 'form_definition', targetIds: [id], detail: { key } });
        return view((await formDefinitionRepo.findById(tx, id))!);
      }),
    publish: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const row = await formDefinitionRepo.findById(tx, id);
        if (!row) throw formErrors.NOT_FOUND({ id });
        if (row.status !== 'draft') throw formErrors.NOT_DRAFT({ status: row.status });
        await formDefinitionRepo.publish(tx, id, new Date());
        await deps.audit.recordFor(tx, ctx, { action: 'form.definition.publish', targetType: 'form_definition', targetIds: [id], detail: { key: row.key, version: row.version } });
        return view((await formDefinitionRepo.findById(tx, id))!);
      }),
    /** The published definition a renderer shows (public: the portal renders forms before login). */
    getPublishedView: async (key: string) => view(await getPublished(deps.db, key)),
    /** Server-side validation with exactly the rules the browser runs. */
    validate: async (key: string, data: Record<string, unknown>, context?: Record<string, unknown>) => {
      const row = await getPublished(deps.db, key);
      return validateSubmission(row.definition, data, { today: deps.today(), context });
    },
    /** The designer's 校验: sample data against any version, drafts included, with the same rules. */
    validateById: async (_ctx: RequestCtx, id: string, data: Record<string, unknown>, context?: Record<string, unknown>) => {
      const row = await formDefinitionRepo.findById(deps.db, id);
      if (!row) throw formErrors.NOT_FOUND({ id });
      return validateSubmission(row.definition, data, { today: deps.today(), context });
    },
    // for other modules, inside their transaction
    getPublished,
    getVersion: async (q: Queryable, id: string) => {
      const row = await formDefinitionRepo.findById(q, id);
      if (!row) throw formErrors.NOT_FOUND({ id });
      return row;
    },
    /** `sections`: only these sections apply (the matter's situations chose them); none listed means all. */
    validateVersion: async (q: Queryable, id: string, data: Record<string, unknown>,
      { sections, ...opts }: { context?: Record<string, unknown>; access?: FieldAccess; previous?: Record<string, unknown>; sections?: readonly string[] } = {}) => {
      const row = await formDefinitionRepo.findById(q, id);
      if (!row) throw formErrors.NOT_FOUND({ id });
      return validateSubmission(selectSections(row.definition, sections), data, { today: deps.today(), ...opts });
    },
  };
};
export type FormDefinitionService = ReturnType<typeof createFormDefinitionService>;
