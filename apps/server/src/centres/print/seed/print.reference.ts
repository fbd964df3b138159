import { randomUUID } from 'node:crypto';
import type { Db } from '@jsga/kernel';
import { templateRepo } from '../template/template.repo';
import { parseDefinition, publishProblems } from '../template/template.rules';
import { referenceTemplates, type ReferenceTemplate } from './result-documents';

/**
 * Publishes each reference template as version 1 when its key has no row yet. Runs on every start: a
 * key that exists is left alone, whatever the designers have done with it since.
 */
export async function seedPrintReference(db: Db, templates: readonly ReferenceTemplate[] = referenceTemplates) {
  for (const t of templates) {
    const parsed = parseDefinition(t.definition);
    const problems = parsed.ok ? publishProblems(parsed.definition, t.kind) : parsed.problems;
    if (problems.length) throw new Error(`reference print template ${t.key} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
  await db.transaction(async (tx) => {
    const now = new Date();
    for (const t of templates) {
      if (await templateRepo.findFirstVersion(tx, t.key)) continue;
      await templateRepo.insert(tx, { id: randomUUID(), key: t.key, version: 1, status: 'published', title: t.title, kind: t.kind,
        definition: t.definition, publishedAt: now });
    }
  });
}
