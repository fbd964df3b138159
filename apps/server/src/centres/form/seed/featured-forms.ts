import { randomUUID } from 'node:crypto';
import { checkDefinition, type FormDefinition } from '@jsga/form-engine';
import type { Db } from '@jsga/kernel';
import { formDefinitionRepo } from '../definition/form-definition.repo';
import { birthRegistrationForm } from './birth-registration.form';
import { drivingLicenceRenewalForm } from './driving-licence-renewal.form';
import { hukouMigrationForm } from './hukou-migration.form';
import { hukouCancelForm, hukouItemChangeForm } from './hukou-registry-change.form';
import { idCardApplicationForm } from './idcard-application.form';
import { idCardOnlineForm } from './idcard-online.form';

/** The forms the featured matters bind (bindings.formKeys in the matter centre's featured-*.ts). */
export const featuredForms: readonly FormDefinition[] = [hukouMigrationForm, idCardApplicationForm, idCardOnlineForm, drivingLicenceRenewalForm, birthRegistrationForm,
  hukouCancelForm, hukouItemChangeForm];

/**
 * Publishes each featured form as version 1 when its key has no row yet. Runs on every start: a key
 * that exists is left alone, whatever the designers have done with it since, so a restart never adds
 * a version or overwrites an edited form.
 */
export async function seedFeaturedForms(db: Db, forms: readonly FormDefinition[] = featuredForms) {
  for (const def of forms) {
    const problems = checkDefinition(def);
    if (problems.length) throw new Error(`featured form ${def.key} is invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  }
  await db.transaction(async (tx) => {
    const now = new Date();
    for (const def of forms) {
      if (await formDefinitionRepo.nextVersion(tx, def.key) !== 1) continue;
      await formDefinitionRepo.insert(tx, { id: randomUUID(), key: def.key, version: 1, title: def.title, definition: def, status: 'published', publishedAt: now });
    }
  });
}
