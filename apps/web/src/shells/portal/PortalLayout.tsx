import { Suspense, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { HelpDrawer, SearchBox } from '../../modules/portal';
import './portal.css';

/** 公众门户 shell: no login; header with the title, the search box and 在线帮助, the page, the footer. */
export function PortalLayout() {
  const [helpOpen, setHelpOpen] = useState(false);
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const onSearchPage = pathname === '/portal/search';
  return (
    <div className="portal-layout">
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to="/portal" className="portal-brand">江苏公安政务服务</Link>
          <div className="portal-header-search" role="search">
            <SearchBox initial={onSearchPage ? params.get('q') ?? '' : ''} size="middle" />
          </div>
          <div className="portal-header-actions">
            <Button ghost icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)}>在线帮助</Button>
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
