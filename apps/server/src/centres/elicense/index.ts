import { defineModule, type AppConfig } from '@jsga/kernel';
import { licenceAdminRoutes } from './licence/licence.admin.routes';
import { createLicenceService, type HolderQuery, type LicenceService, type LicenceUsability } from './licence/licence.service';
import type { Prefill, PrefillSource } from './licence/licence.rules';
/** Whether a licence is in force on a China date (stored status and its validity dates). */
export { isInForce } from './licence/licence.rules';
import type { ElicenseProvider, Licence, LicenceType, LicenceVerification } from './provider/elicense-provider';
import { createLocalElicenseProvider } from './provider/local-elicense.provider';
import { seedElicenseDemo } from './seed/elicense.demo';
import { seedElicenseReference } from './seed/elicense.reference';

/** The documented demo citizen, family and company that `seedDemo` creates (for other modules' demo seeds). */
export { DEMO_CHILD, DEMO_CITIZEN, DEMO_COMPANY, DEMO_SPOUSE } from './testing/demo-citizen.fixture';
export type { ElicenseProvider, HolderQuery, Licence, LicenceType, LicenceUsability, LicenceVerification, Prefill, PrefillSource };

/**
 * What other centres and modules may use of the e-licence centre; pass your transaction as `q`. These
 * calls do not audit: the caller's use case records what it did with the data. Nothing here logs ID numbers.
 *
 * - `findForHolder(q, { idNo | creditCode, types? })`: a holder's licences, newest first.
 * - `get(q, id)`: one licence; throws ELICENSE_NOT_FOUND.
 * - `prefillFor(q, idNoOrCreditCode)`: 感知回填 values merged from in-force licences, each with its source licence.
 * - `isUsableAs(q, licenceId, typeCode, holderIdNo)`: 免证办 check (in force, right type, right holder).
 * - `verify(q, id)`: 证照核验 today.
 */
export type ElicenseApi = Pick<LicenceService, 'findForHolder' | 'get' | 'prefillFor' | 'isUsableAs' | 'verify' | 'listTypes'>;

/** ELICENSE_PROVIDER picks the source; only the local database exists today. */
export function elicenseProviderFor(config: Pick<AppConfig, 'ELICENSE_PROVIDER'>): ElicenseProvider {
  switch (config.ELICENSE_PROVIDER) {
    case 'local':
    default:
      return createLocalElicenseProvider();
  }
}

export const elicenseModule = defineModule<ElicenseApi>({
  code: 'elicense',
  dependsOn: [],
  setup: ({ db, audit, config }) => {
    const service = createLicenceService({ db, audit, provider: elicenseProviderFor(config) });
    return {
      api: { findForHolder: service.findForHolder, get: service.get, prefillFor: service.prefillFor, isUsableAs: service.isUsableAs,
        verify: service.verify, listTypes: service.listTypes },
      routes: [{ prefix: '/api/admin/elicense', plugin: licenceAdminRoutes(service) }],
      seedReference: () => seedElicenseReference(db),
      seedDemo: () => seedElicenseDemo(db),
    };
  },
});
