import { useState, type ReactNode } from 'react';
import { vi } from 'vitest';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { MeView, UserView } from '@jsga/contracts';
import { FeedbackBridge } from './app/App';
import { AuthProvider } from './app/auth-context';

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** An error body as the server sends it. */
export const error = (status: number, code: string, message: string, details?: unknown) => jsonResponse(status, { code, message, traceId: 't', ...(details ? { details } : {}) });

export type Handler = (url: URL, init: RequestInit | undefined, body: Record<string, unknown>) => Response | undefined | Promise<Response | undefined>;

/** A fetch mock: `handler` answers (it gets the parsed JSON body), anything it leaves is 404. */
export function serve(handler: Handler) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    return (await handler(url, init, body)) ?? error(404, 'COMMON_NOT_FOUND', '资源不存在');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made to `path` (method and JSON body), in order. */
export const callsTo = (fetchMock: ReturnType<typeof serve>, path: string) =>
  fetchMock.mock.calls
    .filter(([u]) => new URL(u, 'http://localhost').pathname === path)
    .map(([, init]) => ({ method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body, auth: new Headers(init?.headers).get('Authorization') }));


/** Renders `routes` inside the app's providers (fresh query client, auth) at `path`. */
export function AppHarness({ path, children }: { path: string; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }));
  return (
    <AntApp>
      <FeedbackBridge />
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <AuthProvider>
            <Routes>{children}</Routes>
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </AntApp>
  );
}

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

export const sampleUser: UserView = {
  id: '33333333-3333-4333-8333-333333333333',
  username: 'zhangsan',
  displayName: '张三',
  userType: 'police',
  policeNo: '012345',
  phone: '138****0000',
  orgId: ORG_A,
  orgName: '南京市公安局玄武分局',
  status: 'active',
  lockedUntil: null,
  totpEnabled: true,
  positions: [
    { id: '44444444-4444-4444-8444-444444444444', title: '受理岗', orgId: ORG_A, orgName: '南京市公安局玄武分局', roleIds: [], roleNames: ['窗口受理'], isPrimary: true },
    { id: '55555555-5555-4555-8555-555555555555', title: '审核岗', orgId: ORG_B, orgName: '南京市公安局', roleIds: [], roleNames: ['系统管理员'], isPrimary: false },
  ],
  createdAt: '2025-01-01T00:00:00+08:00',
};

export const sampleMe: MeView = {
  user: sampleUser,
  currentPosition: sampleUser.positions[0],
  permissions: ['workbench:home:view', 'identity:org:view', 'identity:user:view'],
  dataScope: 'org_and_below',
  menus: [
    { key: '/workbench', name: '工作台', icon: 'DesktopOutlined' },
    { key: '/system', name: '系统管理', icon: 'SettingOutlined' },
    { key: '/system/orgs', name: '机构管理', parentKey: '/system' },
    { key: '/system/users', name: '用户管理', parentKey: '/system' },
    { key: '/security', name: '安全审计', icon: 'SafetyCertificateOutlined' },
  ],
  sessionExpiresAt: '2099-01-01T00:00:00+08:00',
};
