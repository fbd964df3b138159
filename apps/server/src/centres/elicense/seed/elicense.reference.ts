import type { Db } from '@jsga/kernel';
import { licenceRepo } from '../licence/licence.repo';
import { licenceTypeSeeds } from './licence-types';

/** The six licence types; runs on every start. */
export async function seedElicenseReference(db: Db) {
  await db.transaction(async (tx) => {
    for (const t of licenceTypeSeeds) await licenceRepo.upsertType(tx, t);
  });
}
