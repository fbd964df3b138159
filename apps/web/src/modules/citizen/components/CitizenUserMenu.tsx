import { Button, Dropdown, Grid, Typography } from 'antd';
import { DownOutlined, FileTextOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCitizenLogout, useCitizenMe } from '../api';
import { portalLoginPath } from '../labels';

/** The portal header's right side: 登录 when signed out; the citizen (and the company acted for) with a menu when signed in. */
export function CitizenUserMenu() {
  const me = useCitizenMe();
  const logout = useCitizenLogout();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const screens = Grid.useBreakpoint();

  if (!me.signedIn) {
    if (pathname.startsWith('/portal/login')) return null;
    const to = portalLoginPath(pathname + search);
    // a real link (opens in a new tab too), followed inside the app
    return (
      <Button ghost icon={<UserOutlined />} href={to} onClick={(e) => { e.preventDefault(); navigate(to); }}>登录</Button>
    );
  }
  const name = me.data?.name ?? '…';
  const company = me.data?.actingFor?.name;
  const items = [
    { key: '/portal/my', icon: <FileTextOutlined />, label: '我的办件' },
    { key: '/portal/account', icon: <UserOutlined />, label: '个人中心' },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{ items, onClick: ({ key }) => (key === 'logout' ? logout.mutate() : navigate(key)) }}
    >
      <Button ghost aria-label={`用户菜单：${name}${company ? `（${company}）` : ''}`} loading={logout.isPending} style={{ maxWidth: screens.sm ? 320 : 150 }}>
        <UserOutlined />
        <Typography.Text ellipsis style={{ color: 'inherit', maxWidth: screens.sm ? 260 : 90 }}>
          {name}{company && screens.sm ? ` · ${company}` : ''}
        </Typography.Text>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
