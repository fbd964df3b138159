import type { CitizenCaseSummary } from '@jsga/contracts';

export const todoLabels: Record<NonNullable<CitizenCaseSummary['todo']>, string> = {
  supplement: '去补件', sign_promise: '签署容缺承诺书', supply_tolerated: '补交容缺材料', evaluate: '去评价', resubmit: '修改后重新申报',
};

export function statusColor(c: Pick<CitizenCaseSummary, 'status' | 'result'>): string {
  if (c.status === 'concluded') return c.result === 'disapproved' ? 'red' : 'green';
  if (c.status === 'supplement') return 'orange';
  if (c.status === 'returned' || c.status === 'not_accepted' || c.status === 'withdrawn') return 'default';
  return 'processing';
}
