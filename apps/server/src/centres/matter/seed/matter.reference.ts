import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MatterConfig, type MatterConfigInput } from '@jsga/contracts';
import type { Db } from '@jsga/kernel';
import { catalogueRepo } from '../catalogue/catalogue.repo';
import { assertValidConfig, normaliseConfig } from '../version/config.rules';
import { configColumns, versionRepo } from '../version/version.repo';
import { buildCatalogue, inferApplicantTypes, inferMatterType, type CatalogueEntry, type CatalogueFiles } from './catalogue-tsv';
import { birthRegistration, hukouCancel, hukouItemChange, hukouItemChangeOf } from './featured-hukou-registry';
import { drivingLicenceRenewal } from './featured-driving-licence';
import { hukouMigration } from './featured-hukou';
import { idCardApplication, idCardOnline } from './featured-id-card';

/** The tender's catalogues, copied verbatim from shared/spec. */
export function readCatalogueFiles(dir = new URL('./catalogue/', import.meta.url)): CatalogueFiles {
  const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
  return {
    publicWindow: read('matters-public-window.tsv'),
    comprehensiveWindow: read('matters-comprehensive-window.tsv'),
    businessHandling: read('matters-business-handling.tsv'),
  };
}

/** Matters the demonstrations use get full guides, materials and situations. */
const featured: Record<string, (base: MatterConfigInput) => MatterConfigInput> = {
  户口迁移审批: hukouMigration,
  '居民身份证（含临时居民身份证）业务': idCardApplication,
  '居民身份证（五年以内换补领身份证业务）': idCardOnline,
  '驾驶证补证、换证': drivingLicenceRenewal,
  '婚生婴儿出生登记申报（6周岁以下持出生医学证明）': birthRegistration,
  户口注销: hukouCancel,
  户口登记非主项信息变更: hukouItemChange,
  宗教信仰变更: hukouItemChangeOf('宗教信仰'),
  身高变更: hukouItemChangeOf('身高'),
  血型变更: hukouItemChangeOf('血型'),
  文化程度变更: hukouItemChangeOf('文化程度'),
  婚姻状况变更: hukouItemChangeOf('婚姻状况'),
  兵役状况变更: hukouItemChangeOf('兵役状况'),
};

/** What the catalogue rows say about a matter; the rest is left for administrators to fill in. */
export function configFor(e: CatalogueEntry): MatterConfig {
  const base: MatterConfigInput = {
    name: e.name, policeType: e.policeType, category: e.category, matterType: inferMatterType(e.name),
    handlingModes: e.handlingModes, applicantTypes: inferApplicantTypes(e.name, e.category), channels: e.channels, zones: e.zones,
    needsApproval: e.needsApproval, guide: { notes: `来源：招标文件事项目录 ${e.rows.join('、')}` },
  };
  return normaliseConfig(MatterConfig.parse((featured[e.name] ?? ((b) => b))(base)));
}

/**
 * Every matter of the catalogues as a standard matter with a published version 1. Runs on every start:
 * matters already present (by code) are left alone, whatever administrators have done with them since,
 * so a restart never adds a version. One transaction, two batch inserts.
 */
export async function seedMatterReference(db: Db, files: CatalogueFiles = readCatalogueFiles()) {
  const entries = buildCatalogue(files);
  await db.transaction(async (tx) => {
    const existing = new Set(await catalogueRepo.listCodes(tx));
    const missing = entries.filter((e) => !existing.has(e.code));
    if (!missing.length) return;
    const now = new Date();
    const matters: Parameters<typeof catalogueRepo.insert>[1] = [];
    const versions: Parameters<typeof versionRepo.insert>[1] = [];
    for (const e of missing) {
      const config = configFor(e);
      assertValidConfig(config);
      const id = randomUUID();
      const versionId = randomUUID();
      matters.push({ id, code: e.code, publishedVersionId: versionId, latestVersionId: versionId });
      versions.push({ ...configColumns(config), id: versionId, matterId: id, subjectId: id, versionNo: 1, status: 'published',
        submittedAt: now, publishedAt: now });
    }
    await catalogueRepo.insert(tx, matters);
    await versionRepo.insert(tx, versions);
  });
}
