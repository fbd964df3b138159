import { wellKnownLicenceTypes as T } from '@jsga/contracts';
import type { Queryable } from '@jsga/kernel';
import type { ElicenseApi } from '../../elicense';
import type { CitizenIdentityProvider } from './citizen-identity-provider';

/**
 * Local 苏证通 stand-in over the e-licence centre: a person is verified when a 居民身份证 record of the
 * ID number carries the name; a 法定代表人 when the in-force 营业执照 names them. The local
 * licence face carries only the representative's name, so the name is what is compared here; the
 * 苏证通 adapter receives a verified representative from 电子营业执照 instead.
 */
export function createLocalIdentityProvider(elicense: Pick<ElicenseApi, 'findForHolder' | 'verify'>): CitizenIdentityProvider {
  return {
    async verifyPerson(q, p) {
      const cards = await elicense.findForHolder(q, { idNo: p.idNo, types: [T.residentIdCard] });
      return cards.some((c) => c.holderName === p.name);
    },
    async legalRepresentativeOf(q, p) {
      const licences = await elicense.findForHolder(q, { creditCode: p.creditCode, types: [T.businessLicence] });
      for (const l of licences) {
        const v = await elicense.verify(q, l.id);
        if (!v.found || !v.valid) continue;
        return l.faceData.legalRepresentative === p.name ? { companyName: l.faceData.companyName ?? l.holderName } : 'not_representative';
      }
      return 'no_company';
    },
  };
}
