import { randomUUID } from 'node:crypto';
import type { Db } from '@jsga/kernel';
import { BpmnError, parseBpmn } from '../bpmn/bpmn.parse';
import { definitionRepo } from '../definition/definition.repo';
import { toBpmnXml } from './bpmn-layout';
import { featuredProcesses, type FeaturedProcess } from './featured-processes';

/** Each featured process as the XML a modeller would deploy, with its parsed model (throws on a broken one). */
export function featuredDefinitions(processes: readonly FeaturedProcess[] = featuredProcesses) {
  return processes.map((p) => {
    const xml = toBpmnXml(p);
    try {
      return { key: p.key, formKeys: p.formKeys, xml, model: parseBpmn(xml) };
    } catch (e) {
      if (e instanceof BpmnError) throw new Error(`featured process ${p.key} is invalid: ${e.problems.join('; ')}`);
      throw e;
    }
  });
}

/**
 * Deploys and publishes each featured process as version 1 when its key has no definition yet. Runs on
 * every start: a key that exists is left alone (a modeller may have published newer versions since),
 * so a restart never adds a version.
 */
export async function seedFeaturedProcesses(db: Db, processes: readonly FeaturedProcess[] = featuredProcesses) {
  const defs = featuredDefinitions(processes);
  await db.transaction(async (tx) => {
    const now = new Date();
    for (const d of defs) {
      if (await definitionRepo.nextVersion(tx, d.key) !== 1) continue;
      await definitionRepo.insert(tx, { id: randomUUID(), key: d.key, version: 1, name: d.model.name, bpmnXml: d.xml, model: d.model, status: 'published', publishedAt: now });
    }
  });
}
