import type { Queryable } from '@jsga/kernel';

/**
 * The citizen identity service behind the portal: today a local provider that behaves like 苏证通
 * (checks names against the population registry and companies against 营业执照); the 苏证通 adapter
 * implements the same interface.
 */
export interface CitizenIdentityProvider {
  /** 实名核验: does this name belong to this ID number? */
  verifyPerson(q: Queryable, p: { idNo: string; name: string }): Promise<boolean>;
  /** The company of a credit code when the person is its registered 法定代表人; null when not found or not theirs. */
  legalRepresentativeOf(q: Queryable, p: { creditCode: string; idNo: string; name: string }): Promise<{ companyName: string } | 'no_company' | 'not_representative'>;
}
