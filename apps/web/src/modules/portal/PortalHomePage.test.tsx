import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import { wellKnownMatterCodes } from '@jsga/contracts';
import { AppHarness, jsonResponse } from '../../test-utils';
import { PortalLayout } from '../../shells/portal/PortalLayout';
import { PortalHomePage } from './PortalHomePage';
import { calls, serve, summary } from './test-fixtures';

const WAIT = { timeout: 15_000 };
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const featured = {
  [wellKnownMatterCodes.hukouMigration]: summary(),
  [wellKnownMatterCodes.idCardApplication]: summary({ code: wellKnownMatterCodes.idCardApplication, name: '居民身份证（含临时居民身份证）业务', visits: 0 }),
  [wellKnownMatterCodes.drivingLicenceRenewal]: summary({ code: wellKnownMatterCodes.drivingLicenceRenewal, name: '驾驶证补证、换证', policeType: 'jiaoguan' }),
};

function renderHome() {
  const fetchMock = serve((url) => {
    if (url.pathname !== '/api/matters') return undefined;
    const keyword = url.searchParams.get('keyword') ?? '';
    const hit = (featured as Record<string, ReturnType<typeof summary>>)[keyword];
    // the catalogue matches codes by substring: a longer code comes back too and must not be shown
    return jsonResponse(200, hit ? { items: [summary({ code: `${keyword}9`, name: '不应显示的事项' }), hit], total: 2 } : { items: [], total: 0 });
  });
  render(
    <AppHarness path="/portal">
      <Route path="/portal" element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="search" element={<div>搜索页</div>} />
      </Route>
    </AppHarness>,
  );
  return fetchMock;
}

describe('PortalHomePage', () => {
  it('shows the header, the police types and zones as links to filtered lists, and the footer, without logging in', async () => {
    const fetchMock = renderHome();
    expect(screen.getByRole('link', { name: '江苏公安政务服务' })).toHaveProperty('pathname', '/portal');
    expect(screen.getAllByRole('combobox', { name: '搜索办事事项' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('link', { name: '交管服务事项' }).getAttribute('href')).toBe('/portal/search?policeType=jiaoguan');
    expect(screen.getByRole('link', { name: '出入境服务事项' }).getAttribute('href')).toBe('/portal/search?policeType=churujing');
    for (const [zone, label] of [['one_thing', '高效办成一件事'], ['province_wide', '全省通办'], ['cross_province', '跨省通办'], ['yangtze_delta', '长三角']]) {
      expect(screen.getByRole('link', { name: `${label}专区` }).getAttribute('href')).toBe(`/portal/search?zone=${zone}`);
    }
    expect(screen.getByText(/主办：江苏省公安厅/)).toBeTruthy();
    await waitFor(() => expect(calls(fetchMock, '/api/matters')).toHaveLength(Object.values(wellKnownMatterCodes).length), WAIT);
    expect(fetchMock.mock.calls.every(([, init]) => !new Headers(init?.headers).has('Authorization'))).toBe(true);
  });

  it('lists the featured matters the server publishes, by their exact code, linking to their guides', async () => {
    renderHome();
    const list = await screen.findByRole('region', { name: '热门事项' }, WAIT);
    await within(list).findByText('驾驶证补证、换证', undefined, WAIT);
    expect(within(list).getByRole('link', { name: '户口迁移审批' }).getAttribute('href')).toBe('/portal/matters/JS-Z001');
    expect(within(list).getByText('居民身份证（含临时居民身份证）业务')).toBeTruthy();
    expect(within(list).getByText('零跑动（全程网办）')).toBeTruthy();
    expect(within(list).queryByText('不应显示的事项')).toBeNull();
    expect(within(list).getAllByRole('link', { name: /^查看.*办事指南$/ })).toHaveLength(3); // idCardOnline is not published here
  });

  it('opens the help drawer with the FAQ', async () => {
    renderHome();
    fireEvent.click(screen.getByRole('button', { name: /常见问题/ }));
    expect(await screen.findByText('使用公众门户需要登录吗？', undefined, WAIT)).toBeTruthy();
    expect(screen.getByText(/无需登录，手机和电脑均可使用/)).toBeTruthy();
  });
});
