import { licenceRepo } from '../licence/licence.repo';
import { effectiveStatus } from '../licence/licence.rules';
import type { ElicenseProvider } from './elicense-provider';

/** ELICENSE_PROVIDER=local: licences and population data seeded into this platform's own tables. */
export function createLocalElicenseProvider(): ElicenseProvider {
  return {
    kind: 'local',
    listTypes: (q) => licenceRepo.listTypes(q),
    findForHolder: (q, holder, opts) => licenceRepo.findForHolder(q, holder, opts?.types),
    findById: (q, id) => licenceRepo.findById(q, id),
    async verify(q, id, today) {
      const l = await licenceRepo.findById(q, id);
      if (!l) return { found: false };
      const status = effectiveStatus(l, today);
      return { found: true, status, valid: status === 'valid', typeCode: l.typeCode, holderIdType: l.holderIdType, holderIdNo: l.holderIdNo };
    },
  };
}
