import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellKnownMatterCodes } from '@jsga/contracts';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { twoSituationInput } from '../testing/matter-config.fixture';

let p: TestPlatform;
const q = (s: string) => encodeURIComponent(s);
const suggest = async (text: string) => {
  const res = await p.app.inject({ url: `/api/matters/suggest?q=${q(text)}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { code: string; name: string; policeType: string | null; score: number }[];
};
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(() => p.close());

describe('GET /api/matters/suggest (no login)', () => {
  it('a mistyped name (户口迁徙) finds 户口迁移审批 first, with the published fields only', async () => {
    const items = await suggest('户口迁徙');
    expect(items[0]).toEqual({ code: wellKnownMatterCodes.hukouMigration, name: '户口迁移审批', policeType: 'zhian', score: expect.any(Number) });
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.map((m) => m.name)).toContain('国内户口迁移（含大学生）');
    for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score);
    // the keyword list finds nothing for the same text: this is what the portal's "您是不是要找" is for
    expect((await p.app.inject({ url: `/api/matters?keyword=${q('户口迁徙')}` })).json().total).toBe(0);
  });

  it('身分证 finds the 身份证 matters; a code finds its matter', async () => {
    const names = (await suggest('身分证')).map((m) => m.name);
    expect(names).toContain('居民身份证（含临时居民身份证）业务');
    expect(names.every((n) => n.includes('身份证'))).toBe(true);
    expect((await suggest('z029'))[0].code).toBe(wellKnownMatterCodes.idCardApplication);
  });

  it('never offers a draft, and refuses an empty or over-long query', async () => {
    const admin = await p.login('admin');
    const created = await p.app.inject({ method: 'POST', url: '/api/admin/matter/matters', headers: p.as(admin),
      payload: { code: 'TEST-DRAFT', config: twoSituationInput({ name: '尚未发布的测试事项' }) } });
    expect(created.statusCode).toBe(200);
    expect((await suggest('尚未发布的测试事项')).map((m) => m.code)).not.toContain('TEST-DRAFT');
    expect(await suggest('量子纠缠观测')).toEqual([]);
    const empty = await p.app.inject({ url: '/api/matters/suggest?q=%20' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('COMMON_VALIDATION_FAILED');
    expect((await p.app.inject({ url: `/api/matters/suggest?q=${'户'.repeat(51)}` })).statusCode).toBe(400);
    expect((await p.app.inject({ url: '/api/matters/suggest' })).statusCode).toBe(400);
  });
});
