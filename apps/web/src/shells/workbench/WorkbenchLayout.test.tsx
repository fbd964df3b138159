import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router-dom';
import type { MenuItem } from '@jsga/contracts';
import { setToken } from '../../app/request';
import { AppHarness, jsonResponse, sampleMe } from '../../test-utils';
import { buildMenuTree } from './menu';
import { WorkbenchLayout } from './WorkbenchLayout';

const pages = new Set(['/workbench', '/system/orgs', '/system/users', '/system/roles', '/security/audit']);
const isPage = (p: string) => pages.has(p);

describe('buildMenuTree', () => {
  it('nests items under their parentKey and hides groups without children', () => {
    const menus: MenuItem[] = [
      { key: '/workbench', name: '工作台', icon: 'DesktopOutlined' },
      { key: '/system', name: '系统管理', icon: 'SettingOutlined' },
      { key: '/system/orgs', name: '机构管理', parentKey: '/system' },
      { key: '/security', name: '安全审计', icon: 'SafetyCertificateOutlined' },
    ];
    const tree = buildMenuTree(menus, isPage);
    expect(tree.map((n) => n.name)).toEqual(['工作台', '系统管理']);
    expect(tree[1].children?.map((n) => n.path)).toEqual(['/system/orgs']);
    expect(tree[0].icon).toBeTruthy();
  });

  it('drops links to pages the app does not have and lifts orphans to the top level', () => {
    const menus: MenuItem[] = [
      { key: '/system', name: '系统管理' },
      { key: '/system/unknown', name: '未实现页面', parentKey: '/system' },
      { key: '/security/audit', name: '审计日志', parentKey: '/security' },
    ];
    const tree = buildMenuTree(menus, isPage);
    expect(tree).toEqual([{ path: '/security/audit', name: '审计日志', icon: undefined }]);
  });
});

describe('WorkbenchLayout', () => {
  beforeEach(() => {
    localStorage.clear();
    setToken('tok');
    // A desktop-sized window (ProLayout hides the side menu in a drawer on small screens).
    const desktop = (query: string) => query.includes('min-width: 1200px') && query.includes('max-width: 1599px');
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: desktop(query), media: query, onchange: null,
      addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
    }));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('builds the side menu from MeView.menus and switches position from the header', async () => {
    const switched = {
      ...sampleMe,
      currentPosition: sampleMe.user.positions[1],
      permissions: ['workbench:home:view'],
      menus: [sampleMe.menus[0], sampleMe.menus[1]], // 系统管理 without children now
    };
    let current = sampleMe;
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/auth/me') return jsonResponse(200, current);
      if (url === '/api/messages/unread-count') return jsonResponse(200, { count: 3 });
      if (url === '/api/auth/switch-position') {
        current = switched;
        return jsonResponse(200, switched);
      }
      return jsonResponse(404, { code: 'NOT_FOUND', message: 'not found', traceId: 't' });
    });
    vi.stubGlobal('fetch', fetchMock);

    render(
      <AppHarness path="/workbench">
        <Route
          path="/workbench"
          element={
            <WorkbenchLayout isPage={isPage}>
              <div>页面内容</div>
            </WorkbenchLayout>
          }
        />
      </AppHarness>,
    );

    expect(await screen.findByText('页面内容')).toBeTruthy();
    expect(screen.getByText('张三')).toBeTruthy();
    expect(await screen.findByLabelText('消息，3 条未读')).toBeTruthy();
    // ProLayout resolves its menu data asynchronously
    expect((await screen.findAllByText('系统管理')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('工作台').length).toBeGreaterThan(0);
    // '安全审计' has no child menu: hidden
    expect(screen.queryByText('安全审计')).toBeNull();

    const switcher = screen.getByTestId('position-switcher');
    expect(within(switcher).getByText('受理岗 · 南京市公安局玄武分局')).toBeTruthy();
    fireEvent.click(switcher);
    fireEvent.click(await screen.findByText('审核岗 · 南京市公安局'));

    await waitFor(() => expect(within(screen.getByTestId('position-switcher')).getByText('审核岗 · 南京市公安局')).toBeTruthy());
    const switchCall = fetchMock.mock.calls.find(([url]) => url === '/api/auth/switch-position') as unknown as [string, RequestInit];
    expect(JSON.parse(String(switchCall[1].body))).toEqual({ positionId: sampleMe.user.positions[1].id });
    // every query is refetched after switching: MeView is loaded again
    await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => url === '/api/auth/me').length).toBeGreaterThanOrEqual(2));
    // the menu follows the new MeView: the now empty 系统管理 group disappears
    await waitFor(() => expect(screen.queryByText('系统管理')).toBeNull());
    expect(screen.getAllByText('工作台').length).toBeGreaterThan(0);
  });
});
