import { describe, expect, it, vi } from 'vitest';
import type { PublicMatterListQuery, PublicMatterSummary } from '@jsga/contracts';
import { createMatterSuggestService } from './matter-suggest.service';

const summary = (code: string, name: string) => ({ code, name, policeType: 'zhian' }) as PublicMatterSummary;

function catalogue(names: string[]) {
  const items = names.map((n, i) => summary(`JS-${String(i).padStart(4, '0')}`, n));
  return vi.fn(async (q: PublicMatterListQuery) => ({ items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length }));
}

describe('matter suggest service', () => {
  it('reads every page of the published catalogue once per TTL and ranks the names', async () => {
    let clock = 0;
    const names = Array.from({ length: 450 }, (_, i) => `其他事项${i}`);
    names[321] = '户口迁移审批';
    const list = catalogue(names);
    const svc = createMatterSuggestService({ list, ttlMs: 30_000, now: () => clock });
    const [a, b] = await Promise.all([svc.suggest('户口迁徙'), svc.suggest('户口迁移')]);
    expect(a.items[0]).toMatchObject({ code: 'JS-0321', name: '户口迁移审批', policeType: 'zhian' });
    expect(a.items[0].score).toBeLessThan(b.items[0].score);
    expect(list).toHaveBeenCalledTimes(3); // 200 + 200 + 50, shared by both requests
    expect(Object.keys(a.items[0]).sort()).toEqual(['code', 'name', 'policeType', 'score']);

    clock = 29_999;
    await svc.suggest('户口');
    expect(list).toHaveBeenCalledTimes(3);
    clock = 30_000;
    await svc.suggest('户口');
    expect(list).toHaveBeenCalledTimes(6);
  });

  it('does not keep a failed load', async () => {
    const list = vi.fn()
      .mockRejectedValueOnce(new Error('db down'))
      .mockResolvedValue({ items: [summary('JS-Z001', '户口迁移审批')], total: 1 });
    const svc = createMatterSuggestService({ list, now: () => 0 });
    await expect(svc.suggest('户口')).rejects.toThrow('db down');
    expect((await svc.suggest('户口')).items).toHaveLength(1);
  });
});
