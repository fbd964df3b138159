import { useMemo, useState, type ReactNode } from 'react';
import { ProLayout } from '@ant-design/pro-components';
import { Button, Space, Tooltip } from 'antd';
import { KeyOutlined, LogoutOutlined, SafetyCertificateFilled, UserOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth-context';
import { feedback } from '../../app/feedback';
import { hasPermission } from '../../app/access';
import { pageRoutes } from '../../app/routes';
import { MessageBell } from '../../modules/message/MessageBell';
import { buildMenuTree } from './menu';
import { ChangePasswordModal } from './ChangePasswordModal';
import { PositionSwitcher, positionLabel } from './PositionSwitcher';

export const APP_TITLE = '江苏公安政务服务综合管理平台';

/** The workbench shell: side menu from MeView.menus, header with user, position switcher and account actions. */
export function WorkbenchLayout({ children, isPage }: { children: ReactNode; isPage: (path: string) => boolean }) {
  const { me, logout, endSession, switchPosition } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [pwdOpen, setPwdOpen] = useState(false);

  const menuTree = useMemo(() => buildMenuTree(me?.menus ?? [], isPage), [me?.menus, isPage]);
  if (!me) return null;

  const handleSwitch = async (positionId: string) => {
    const next = await switchPosition(positionId);
    feedback.message.success(`已切换到 ${positionLabel(next.currentPosition)}`);
    // Leave a page the new position may not open.
    const route = pageRoutes.find((r) => r.path === location.pathname);
    if (route && !hasPermission(next, route.permission)) navigate('/workbench');
  };

  const handleLogout = () => void logout();

  const handlePasswordChanged = () => {
    setPwdOpen(false);
    feedback.message.success('密码已修改，请使用新密码重新登录');
    endSession('密码已修改，所有会话已失效，请使用新密码重新登录。');
  };

  return (
    <>
      <ProLayout
        title={APP_TITLE}
        logo={<SafetyCertificateFilled style={{ fontSize: 24, color: '#1d4ed8' }} />}
        layout="mix"
        fixSiderbar
        fixedHeader
        siderWidth={200}
        location={{ pathname: location.pathname }}
        route={{ path: '/', children: menuTree }}
        menu={{ locale: false }}
        onMenuHeaderClick={() => navigate('/workbench')}
        menuItemRender={(item, dom) => (item.path && isPage(item.path) ? <Link to={item.path}>{dom}</Link> : dom)}
        breadcrumbProps={{ itemRender: (route) => <span>{route.title}</span> }}
        avatarProps={{ icon: <UserOutlined />, size: 'small', title: <span data-testid="current-user">{me.user.displayName}</span> }}
        actionsRender={() => [
          <MessageBell key="messages" />,
          <PositionSwitcher key="position" me={me} onSwitch={handleSwitch} />,
          <Space key="account" size={0}>
            <Tooltip title="修改密码">
              <Button type="text" size="small" icon={<KeyOutlined />} onClick={() => setPwdOpen(true)} data-testid="change-password">
                修改密码
              </Button>
            </Tooltip>
            <Tooltip title="退出登录">
              <Button type="text" size="small" icon={<LogoutOutlined />} onClick={handleLogout} data-testid="logout">
                退出登录
              </Button>
            </Tooltip>
          </Space>,
        ]}
        token={{ pageContainer: { paddingBlockPageContainerContent: 12, paddingInlinePageContainerContent: 16 } }}
      >
        {children}
      </ProLayout>
      <ChangePasswordModal open={pwdOpen} onClose={() => setPwdOpen(false)} onChanged={handlePasswordChanged} />
    </>
  );
}
