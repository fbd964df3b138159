import type { LicenceStatus } from '@jsga/contracts';
import type { Licence, LicenceType } from '../provider/elicense-provider';

/** The status on `today`: a licence stored as valid whose 有效期 has ended, or not begun, is not in force. */
export function effectiveStatus(l: Pick<Licence, 'status' | 'validFrom' | 'validTo'>, today: string): LicenceStatus {
  if (l.status !== 'valid') return l.status;
  if (l.validTo && l.validTo < today) return 'expired';
  if (l.validFrom && l.validFrom > today) return 'suspended';
  return 'valid';
}

export const isInForce = (l: Pick<Licence, 'status' | 'validFrom' | 'validTo'>, today: string) => effectiveStatus(l, today) === 'valid';

export type PrefillSource = { licenceId: string; typeCode: string; typeName: string; faceKey: string };

/** 感知回填: what a holder's licences can fill in a form. */
export type Prefill = {
  /** Flat values by prefill key (name, idNo, address, householdNo …). */
  values: Record<string, string>;
  /** Which licence (and which 照面 field) each value came from, so a form can mark it 'filled from source'. */
  sources: Record<string, PrefillSource>;
  /** Each type's in-force licence 照面, by type code: what form fields with `prefill.source = 'elicense'` read by path. */
  byType: Record<string, { licenceId: string; face: Record<string, string>; validFrom: string | null; validTo: string | null }>;
};

/**
 * Merges the in-force licences of one holder. Where two licences offer the same key, the type listed
 * first wins (居民身份证 before 户口簿 before 驾驶证 …), then the most recently issued licence.
 */
export function mergePrefill(licences: Licence[], types: LicenceType[], today: string): Prefill {
  const typeByCode = new Map(types.map((t) => [t.code, t]));
  const ordered = licences
    .filter((l) => isInForce(l, today) && typeByCode.has(l.typeCode))
    .sort((a, b) => (typeByCode.get(a.typeCode)!.sort - typeByCode.get(b.typeCode)!.sort) || (a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : 0));
  const out: Prefill = { values: {}, sources: {}, byType: {} };
  for (const l of ordered) {
    const type = typeByCode.get(l.typeCode)!;
    out.byType[l.typeCode] ??= { licenceId: l.id, face: { ...l.faceData }, validFrom: l.validFrom, validTo: l.validTo };
    for (const f of type.faceFields) {
      const v = l.faceData[f.key];
      if (!f.prefillKey || v === undefined || v === null || v === '' || f.prefillKey in out.values) continue;
      out.values[f.prefillKey] = v;
      out.sources[f.prefillKey] = { licenceId: l.id, typeCode: l.typeCode, typeName: type.name, faceKey: f.key };
    }
  }
  return out;
}

export type UnusableReason = 'not_found' | 'wrong_type' | 'wrong_holder' | 'not_in_force';
export type Usability = { usable: true } | { usable: false; reason: UnusableReason; status?: LicenceStatus };

/** 免证办: may this licence stand in for an upload of `typeCode` by the holder `holderIdNo`? */
export function usability(l: Licence | null, typeCode: string, holderIdNo: string, today: string): Usability {
  if (!l) return { usable: false, reason: 'not_found' };
  if (l.typeCode !== typeCode) return { usable: false, reason: 'wrong_type' };
  if (l.holderIdNo !== holderIdNo.trim().toUpperCase()) return { usable: false, reason: 'wrong_holder' };
  const status = effectiveStatus(l, today);
  return status === 'valid' ? { usable: true } : { usable: false, reason: 'not_in_force', status };
}

/** GB/T 36904 证照标识 check character: ISO/IEC 7064 MOD 37,36 over type code + issuer code + serial + version. */
const A36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export function mod37x36(s: string): string {
  let p = 36;
  for (const ch of s) {
    const v = A36.indexOf(ch);
    if (v < 0) throw new Error('证照标识只能含数字和大写字母');
    let t = (p + v) % 36;
    if (t === 0) t = 36;
    p = (t * 2) % 37;
  }
  return A36[(37 - p) % 36];
}

export const LICENCE_ID_ROOT = '1.2.156.3005.2';

/** `1.2.156.3005.2.<证照类型代码>.<颁发机构代码>.<流水号>.<版本号>.<校验位>` (GB/T 36904). */
export function licenceIdentifier(p: { standardTypeCode: string; issuerCode: string; serial: string; version?: string }): string {
  const version = p.version ?? '001';
  return `${LICENCE_ID_ROOT}.${p.standardTypeCode}.${p.issuerCode}.${p.serial}.${version}.${mod37x36(p.standardTypeCode + p.issuerCode + p.serial + version)}`;
}

const LICENCE_ID = /^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{18})\.([0-9A-Z]+)\.(\d{3})\.([0-9A-Z])$/;
export function isLicenceIdentifier(id: string): boolean {
  const m = LICENCE_ID.exec(id);
  return !!m && mod37x36(m[1] + m[2] + m[3] + m[4]) === m[5];
}
