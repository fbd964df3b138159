import { Suspense, useState } from 'react';
import { Button, Grid, Result, Spin } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { CitizenUserMenu, useCitizenSessionHandler } from '../../modules/citizen';
import { HelpDrawer, SearchBox } from '../../modules/portal';
import './portal.css';

/**
 * 公众门户 shell: header with the title, the search box, 在线帮助 and the citizen's sign-in (登录, or
 * their name with 我的办件 / 个人中心 / 退出登录), the page, the footer. Guides need no login.
 */
export function PortalLayout() {
  useCitizenSessionHandler();
  const [helpOpen, setHelpOpen] = useState(false);
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === '/portal/search';
  const narrow = !Grid.useBreakpoint().sm; // a phone: icon-only help, to leave room for the sign-in
  return (
    <div className="portal-layout">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/portal" className="portal-brand">江苏公安政务服务</Link>
          <div className="portal-header-search" role="search">
            <SearchBox initial={onSearchPage ? params.get('q') ?? '' : ''} size="middle" />
          </div>
          <div className="portal-header-actions">
            <Button ghost icon={<QuestionCircleOutlined />} aria-label="在线帮助" title="在线帮助" onClick={() => setHelpOpen(true)}>{narrow ? null : '在线帮助'}</Button>
            <CitizenUserMenu />
          </div>
        </div>
      </header>
      <main className="portal-main">
        <Suspense fallback={<div style={{ padding: 48, textAlign: 'center' }}><Spin size="large" /></div>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <div>主办：江苏省公安厅　政务服务便民热线：12345</div>
        <div>本门户查询办事指南、在线导办无需登录　<Link to="/login">工作人员入口</Link></div>
      </footer>
      <HelpDrawer open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

export function PortalNotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已被移除。" extra={<Link to="/portal">返回门户首页</Link>} />;
}
