import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { RequireCitizen } from '../modules/citizen';
import { LoginPage } from '../modules/identity/LoginPage';
import { PortalLayout, PortalNotFoundPage } from '../shells/portal/PortalLayout';
import { WorkbenchLayout } from '../shells/workbench/WorkbenchLayout';
import { RequirePermission } from './access';
import { useAuth } from './auth-context';
import { NotFoundPage } from './result-pages';
import { isPagePath, pageRoutes } from './routes';

const portalPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
/** 公众门户: public pages, no login. */
const PortalHomePage = portalPage(() => import('../modules/portal/PortalHomePage'), 'PortalHomePage');
const PortalSearchPage = portalPage(() => import('../modules/portal/PortalSearchPage'), 'PortalSearchPage');
const PortalMatterPage = portalPage(() => import('../modules/portal/PortalMatterPage'), 'PortalMatterPage');
const PortalGuidePage = portalPage(() => import('../modules/portal/PortalGuidePage'), 'PortalGuidePage');
/** 公众登录 (苏证通): sign-in on the computer, the phone's scan confirmation, 个人中心. */
const CitizenLoginPage = portalPage(() => import('../modules/citizen/CitizenLoginPage'), 'CitizenLoginPage');
const CitizenScanPage = portalPage(() => import('../modules/citizen/CitizenScanPage'), 'CitizenScanPage');
const CitizenAccountPage = portalPage(() => import('../modules/citizen/CitizenAccountPage'), 'CitizenAccountPage');
/** 网上申报 and 我的办件 (signed-in citizens). */
const ApplyStartPage = portalPage(() => import('../modules/declaration/ApplyStartPage'), 'ApplyStartPage');
const ApplyPage = portalPage(() => import('../modules/declaration/ApplyPage'), 'ApplyPage');
const MyCasesPage = portalPage(() => import('../modules/declaration/MyCasesPage'), 'MyCasesPage');
const MyCaseDetailPage = portalPage(() => import('../modules/declaration/MyCaseDetailPage'), 'MyCaseDetailPage');

export function FullPageSpin({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ height: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" tip={tip}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}

/** Everything behind the login: needs a token and the loaded MeView, then renders the workbench shell. */
function RequireAuth() {
  const { token, me, meError, refetchMe, endSession, isEndingSession } = useAuth();
  const location = useLocation();
  if (!token) {
    if (isEndingSession()) return null; // logout / password change already navigates to /login
    const here = location.pathname + location.search;
    const to = here === '/' ? '/login' : `/login?redirect=${encodeURIComponent(here)}`;
    return <Navigate to={to} replace />;
  }
  if (!me) {
    if (meError) {
      return (
        <Result
          status="error"
          title="无法加载用户信息"
          subTitle="请稍后重试，或重新登录。"
          extra={[
            <Button key="retry" type="primary" onClick={refetchMe}>重试</Button>,
            <Button key="relogin" onClick={() => endSession()}>重新登录</Button>,
          ]}
        />
      );
    }
    return <FullPageSpin tip="正在加载用户信息…" />;
  }
  return (
    <WorkbenchLayout isPage={isPagePath}>
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    </WorkbenchLayout>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/portal" element={<PortalLayout />}>
        <Route index element={<PortalHomePage />} />
        <Route path="search" element={<PortalSearchPage />} />
        <Route path="matters/:code" element={<PortalMatterPage />} />
        <Route path="matters/:code/guide" element={<PortalGuidePage />} />
        <Route path="login" element={<CitizenLoginPage />} />
        <Route path="scan/:ticketId" element={<CitizenScanPage />} />
        <Route path="account" element={<RequireCitizen><CitizenAccountPage /></RequireCitizen>} />
        <Route path="apply" element={<RequireCitizen><ApplyStartPage /></RequireCitizen>} />
        <Route path="apply/:id" element={<RequireCitizen><ApplyPage /></RequireCitizen>} />
        <Route path="my" element={<RequireCitizen><MyCasesPage /></RequireCitizen>} />
        <Route path="my/cases/:id" element={<RequireCitizen><MyCaseDetailPage /></RequireCitizen>} />
        <Route path="*" element={<PortalNotFoundPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route index element={<Navigate to="/workbench" replace />} />
        {pageRoutes.map(({ path, permission, component: Page }) => (
          <Route key={path} path={path} element={<RequirePermission permission={permission}><Page /></RequirePermission>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
