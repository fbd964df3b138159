import { createHash } from 'node:crypto';
import type { Db } from '@jsga/kernel';
import { licenceRepo } from '../licence/licence.repo';
import { buildDemoPopulation, type DemoLicence } from './demo-population';

/** A stable uuid per demo licence, so seeding again finds the same rows (and tests can rely on them). */
export function demoLicenceId(l: Pick<DemoLicence, 'typeCode' | 'licenceNo' | 'holderIdNo' | 'issueDate'>): string {
  const h = createHash('sha256').update(`elicense-demo|${l.typeCode}|${l.licenceNo}|${l.holderIdNo}|${l.issueDate}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Demo population and licences (testing/demo-citizen.fixture.ts and ~60 generated people, 10 companies); idempotent. */
export async function seedElicenseDemo(db: Db) {
  const { licences } = buildDemoPopulation();
  await db.transaction(async (tx) => {
    await licenceRepo.insertLicences(tx, licences.map((l) => ({ ...l, id: demoLicenceId(l), identifier: null, issuerCode: null })));
  });
}
