import { randomUUID } from 'node:crypto';
import {
  printTemplateKinds, type CreatePrintTemplateBody, type PrintTemplateDefinition, type PrintTemplateKind, type PrintTemplateListQuery,
  type PrintTemplateSummary, type PrintTemplateView, type SavePrintDraftBody,
} from '@jsga/contracts';
import type { Audit, Db, Queryable, RequestCtx } from '@jsga/kernel';
import { printErrors } from '../print.errors';
import { staticText, textsOf } from '../render/placeholder.rules';
import type { PrintFonts } from '../render/print-font';
import { renderPdf } from '../render/render-pdf';
import { templateRepo, type TemplateRow } from './template.repo';
import { parseDefinition, placeholderList, publishProblems, sampleData, type TemplateProblem } from './template.rules';

export type TemplateServiceDeps = { db: Db; audit: Audit; fonts: () => Promise<PrintFonts>; now?: () => Date };
export type RenderedDocument = { bytes: Uint8Array; templateKey: string; templateVersion: number };

const summary = (r: TemplateRow): PrintTemplateSummary => ({
  id: r.id, key: r.key, version: r.version, status: r.status as PrintTemplateSummary['status'], title: r.title, kind: r.kind as PrintTemplateKind,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), publishedAt: r.publishedAt?.toISOString() ?? null,
});
const view = (r: TemplateRow): PrintTemplateView => ({ ...summary(r), definition: r.definition, placeholders: placeholderList(r.definition, r.kind as PrintTemplateKind) });

const listed = (problems: TemplateProblem[]) => problems.slice(0, 3).map((p) => `${p.path} ${p.message}`).join('；');

/** A well-formed definition, or PRINT_DEFINITION_INVALID naming what is wrong. */
function wellFormed(input: unknown): PrintTemplateDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw printErrors.DEFINITION_INVALID({ problems: parsed.problems }, `打印模板定义格式不正确：${listed(parsed.problems)}`);
  return parsed.definition;
}

export const createTemplateService = (deps: TemplateServiceDeps) => {
  const now = deps.now ?? (() => new Date());

  const find = async (q: Queryable, id: string, opts?: { lock?: boolean }) => {
    const row = await templateRepo.findById(q, id, opts);
    if (!row) throw printErrors.TEMPLATE_NOT_FOUND({ id });
    return row;
  };
  const findPublished = async (q: Queryable, key: string) => {
    const row = await templateRepo.findPublished(q, key);
    if (!row) throw printErrors.TEMPLATE_NOT_FOUND({ key });
    return row;
  };
  const render = async (row: TemplateRow, data: Record<string, unknown>, title = row.title) =>
    renderPdf(row.definition, data, { fonts: await deps.fonts(), title, now: now() });

  /** Publishing checks plus the font: a fixed text the font cannot show would print as empty boxes. */
  const problemsOf = async (row: TemplateRow) => {
    const problems = publishProblems(row.definition, row.kind as PrintTemplateKind);
    const fonts = await deps.fonts();
    for (const t of textsOf(row.definition)) {
      const missing = fonts.missingCharacters(staticText(t.text));
      if (missing.length) problems.push({ path: t.at, message: `字体中没有这些字：${missing.join('')}` });
    }
    return problems;
  };

  return {
    list: async (_ctx: RequestCtx, query: PrintTemplateListQuery) => {
      const { rows, total } = await templateRepo.list(deps.db, query);
      return { items: rows.map(summary), total };
    },
    get: async (_ctx: RequestCtx, id: string) => view(await find(deps.db, id)),
    kinds: () => Object.entries(printTemplateKinds).map(([kind, k]) => ({ kind: kind as PrintTemplateKind, name: k.name, variables: [...k.variables], lists: k.lists.map((l) => ({ path: l.path, label: l.label })) })),

    /** 新建模板: version 1, a draft, under a key nobody uses yet. */
    create: (ctx: RequestCtx, body: CreatePrintTemplateBody) =>
      deps.db.transaction(async (tx) => {
        const definition = wellFormed(body.definition);
        if (await templateRepo.findFirstVersion(tx, body.key)) throw printErrors.KEY_TAKEN({ key: body.key });
        const id = randomUUID();
        const by = ctx.user?.userId ?? null;
        await templateRepo.insert(tx, { id, key: body.key, version: 1, title: body.title, kind: body.kind, definition, createdBy: by, updatedBy: by });
        await deps.audit.recordFor(tx, ctx, { action: 'print.template.create', targetType: 'print_template', targetIds: [id], detail: { key: body.key, kind: body.kind } });
        return view(await find(tx, id));
      }),

    /** Saves into the key's open draft, or opens the next version (same kind) when there is none. */
    saveDraft: (ctx: RequestCtx, key: string, body: SavePrintDraftBody) =>
      deps.db.transaction(async (tx) => {
        const definition = wellFormed(body.definition);
        const first = await templateRepo.findFirstVersion(tx, key);
        if (!first) throw printErrors.TEMPLATE_NOT_FOUND({ key });
        const by = ctx.user?.userId ?? null;
        const draft = await templateRepo.findDraft(tx, key);
        let id: string;
        if (draft) {
          id = draft.id;
          await templateRepo.updateDraft(tx, id, { title: body.title, definition, by });
        } else {
          id = randomUUID();
          await templateRepo.insert(tx, { id, key, version: await templateRepo.nextVersion(tx, key), title: body.title, kind: first.kind, definition, createdBy: by, updatedBy: by });
        }
        const row = await find(tx, id);
        await deps.audit.recordFor(tx, ctx, { action: 'print.template.save', targetType: 'print_template', targetIds: [id], detail: { key, version: row.version } });
        return view(row);
      }),

    /** Publishes a draft that passes every check (and renders), retiring the key's published version. */
    publish: (ctx: RequestCtx, id: string) =>
      deps.db.transaction(async (tx) => {
        const row = await find(tx, id, { lock: true });
        if (row.status !== 'draft') throw printErrors.NOT_DRAFT({ status: row.status });
        const problems = await problemsOf(row);
        if (problems.length) throw printErrors.TEMPLATE_INVALID({ problems }, `打印模板有误，不能发布：${listed(problems)}`);
        await render(row, sampleData(row.kind as PrintTemplateKind));
        const previous = await templateRepo.findPublished(tx, row.key);
        await templateRepo.publish(tx, row, ctx.user?.userId ?? null, now());
        await deps.audit.recordFor(tx, ctx, { action: 'print.template.publish', targetType: 'print_template', targetIds: [id],
          detail: { key: row.key, version: row.version, retiredVersion: previous?.version ?? null } });
        return view(await find(tx, id));
      }),

    /** 预览: any version, drafts included, with the given data or the kind's sample values. */
    preview: async (_ctx: RequestCtx, id: string, data?: Record<string, unknown>) => {
      const row = await find(deps.db, id);
      const bytes = await render(row, data ?? sampleData(row.kind as PrintTemplateKind), `${row.title}（预览）`);
      return { bytes, fileName: `${row.key}-v${row.version}-preview.pdf` };
    },

    // for other modules, inside their transaction
    /** The key's published version; throws PRINT_TEMPLATE_NOT_FOUND. */
    getPublished: async (q: Queryable, key: string): Promise<PrintTemplateView> => view(await findPublished(q, key)),
    /** The key's published version filled with `data` as a PDF; placeholders without data print empty. */
    render: async (q: Queryable, templateKey: string, data: Record<string, unknown>): Promise<RenderedDocument> => {
      const row = await findPublished(q, templateKey);
      return { bytes: await render(row, data), templateKey: row.key, templateVersion: row.version };
    },
  };
};
export type TemplateService = ReturnType<typeof createTemplateService>;
