import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../app';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { matterStandard, matterVersion } from '../db/matter.schema';
import { seedMatterReference } from './matter.reference';

/** The distinct matter names of the tender catalogues, read here independently of the seed's parser. */
function expectedNames(): Set<string> {
  const spec = path.resolve(repoRoot, '../shared/spec');
  const dir = existsSync(spec) ? spec : path.resolve(repoRoot, 'apps/server/src/centres/matter/seed/catalogue');
  const names = new Set<string>();
  for (const file of ['matters-public-window.tsv', 'matters-comprehensive-window.tsv', 'matters-business-handling.tsv']) {
    const [header, ...lines] = readFileSync(path.join(dir, file), 'utf8').split('\n').filter((l) => l.trim());
    const cols = header.split('\t');
    const [matter, policeType] = [cols.indexOf('matter'), cols.indexOf('police_type')];
    for (const line of lines) {
      const cells = line.split('\t').map((c) => c.trim());
      names.add(cells[matter] || cells[policeType]); // zone rows name the matter in the police_type column
    }
  }
  return names;
}

let p: TestPlatform;
beforeAll(async () => { p = await createTestPlatform(); });
afterAll(() => p.close());

const publishedNames = async () => {
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const res = (await p.app.inject({ url: `/api/matters?pageSize=50&page=${page}` })).json();
    names.push(...res.items.map((m: { name: string }) => m.name));
    if (names.length >= res.total) return { names, total: res.total as number };
  }
};
const counts = async () => {
  const db = p.database.db;
  const [[m], [v], [published]] = await Promise.all([
    db.select({ n: count() }).from(matterStandard),
    db.select({ n: count() }).from(matterVersion),
    db.select({ n: count() }).from(matterVersion).where(eq(matterVersion.status, 'published')),
  ]);
  return { matters: m.n, versions: v.n, published: published.n };
};

describe('matter catalogue seed', () => {
  it('publishes one standard matter per distinct matter name in the three tender catalogues', async () => {
    const expected = expectedNames();
    const { names, total } = await publishedNames();
    expect(total).toBe(expected.size);
    expect(new Set(names)).toEqual(expected);
    expect(await counts()).toEqual({ matters: expected.size, versions: expected.size, published: expected.size });
  });

  it('seeding again adds no matter and no version', async () => {
    const before = await counts();
    await seedMatterReference(p.database.db);
    await seedMatterReference(p.database.db);
    expect(await counts()).toEqual(before);
    const admin = await p.login('admin');
    const list = (await p.app.inject({ url: '/api/admin/matter/matters?pageSize=200', headers: p.as(admin) })).json();
    expect(list.items.every((m: { latestVersion: { versionNo: number } }) => m.latestVersion.versionNo === 1)).toBe(true);
  });

  it('carries the catalogue facts: channels, handling modes, zones and the back-office approval flag', async () => {
    const hukou = (await p.app.inject({ url: '/api/matters/JS-Z001' })).json();
    expect(hukou).toMatchObject({ name: '户口迁移审批', policeType: 'zhian', channels: ['online', 'mobile', 'window'],
      handlingModes: ['immediate', 'promised'], needsApproval: true, isOnline: true, isOffline: true });
    const zone = (await p.app.inject({ url: `/api/matters?keyword=${encodeURIComponent('大中专院校录取学生')}` })).json();
    expect(zone.items).toEqual([expect.objectContaining({ zones: ['cross_province'], channels: ['window'] })]);
  });
});
