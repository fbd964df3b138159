import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { HolderIdType, HolderKind, LicenceStatus } from '@jsga/contracts';
import type { Queryable } from '@jsga/kernel';
import { elicenseLicence, elicenseLicenceType } from '../db/elicense.schema';
import type { Licence, LicenceType } from '../provider/elicense-provider';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toLicence = (r: typeof elicenseLicence.$inferSelect): Licence => ({
  id: r.id, typeCode: r.typeCode, licenceNo: r.licenceNo, identifier: r.identifier, holderName: r.holderName, holderIdType: r.holderIdType as HolderIdType,
  holderIdNo: r.holderIdNo, issuerName: r.issuerName, issuerCode: r.issuerCode, issueDate: r.issueDate, validFrom: r.validFrom, validTo: r.validTo,
  status: r.status as LicenceStatus, faceData: r.faceData, createdAt: r.createdAt.toISOString(),
});

export const licenceRepo = {
  async listTypes(q: Queryable): Promise<LicenceType[]> {
    const rows = await q.select().from(elicenseLicenceType).orderBy(asc(elicenseLicenceType.sort), asc(elicenseLicenceType.code));
    return rows.map((t) => ({ code: t.code, name: t.name, standardTypeCode: t.standardTypeCode, holderKind: t.holderKind as HolderKind,
      issuerName: t.issuerName, faceFields: t.faceFields.map((f) => ({ key: f.key, label: f.label, prefillKey: f.prefillKey ?? null })), sort: t.sort }));
  },
  /** Reference types: name, fields and order follow the code; a configured GB/T 36904 type code is kept. */
  async upsertType(q: Queryable, row: typeof elicenseLicenceType.$inferInsert) {
    await q.insert(elicenseLicenceType).values(row).onConflictDoUpdate({
      target: elicenseLicenceType.code,
      set: { name: row.name, holderKind: row.holderKind, issuerName: row.issuerName, faceFields: row.faceFields, sort: row.sort, updatedAt: new Date() },
    });
  },
  async findForHolder(q: Queryable, holder: { idType: HolderIdType; code: string }, types?: string[]): Promise<Licence[]> {
    const rows = await q.select().from(elicenseLicence)
      .where(and(eq(elicenseLicence.holderIdNo, holder.code), eq(elicenseLicence.holderIdType, holder.idType),
        types?.length ? inArray(elicenseLicence.typeCode, types) : undefined))
      .orderBy(desc(elicenseLicence.issueDate), asc(elicenseLicence.id));
    return rows.map(toLicence);
  },
  async findById(q: Queryable, id: string): Promise<Licence | null> {
    // a remote library's ids are 证照标识; here anything but a uuid is simply unknown
    if (!UUID.test(id)) return null;
    const [row] = await q.select().from(elicenseLicence).where(eq(elicenseLicence.id, id));
    return row ? toLicence(row) : null;
  },
  /** Idempotent: a licence already there (same id) is left as it is. */
  async insertLicences(q: Queryable, rows: Array<typeof elicenseLicence.$inferInsert>) {
    for (let i = 0; i < rows.length; i += 200) {
      await q.insert(elicenseLicence).values(rows.slice(i, i + 200)).onConflictDoNothing({ target: elicenseLicence.id });
    }
  },
};
