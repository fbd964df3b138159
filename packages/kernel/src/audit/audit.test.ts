import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditRow } from './audit';

const row = {
  chainNo: 1, occurredAt: new Date('2026-01-01T00:00:00.000Z'), userId: null, username: 'admin', positionId: null, orgId: null,
  clientIp: '127.0.0.1', action: 'auth.login', targetType: 'user', targetIds: ['u1'], result: 'success', detail: { b: 1, a: { d: 2, c: 3 } },
  traceId: 't', prevHash: GENESIS_HASH,
};

describe('audit hash chain', () => {
  it('serialises objects with sorted keys so database key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 1, x: 2 }] })).toBe('{"a":[{"x":2,"y":1}],"b":1}');
    expect(hashAuditRow(row)).toBe(hashAuditRow({ ...row, detail: { a: { c: 3, d: 2 }, b: 1 } }));
  });
  it('changes the hash when any field or the link to the previous row changes', () => {
    const base = hashAuditRow(row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditRow({ ...row, username: 'other' })).not.toBe(base);
    expect(hashAuditRow({ ...row, result: 'failure' })).not.toBe(base);
    expect(hashAuditRow({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashAuditRow({ ...row, occurredAt: new Date('2026-01-01T00:00:00.001Z') })).not.toBe(base);
  });
});
