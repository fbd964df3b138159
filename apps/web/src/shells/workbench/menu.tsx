import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  DesktopOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuItem } from '@jsga/contracts';

/** Menu `icon` values are @ant-design/icons component names; only the ones in use are bundled. */
const icons: Record<string, ReactNode> = {
  ApartmentOutlined: <ApartmentOutlined />,
  AppstoreOutlined: <AppstoreOutlined />,
  AuditOutlined: <AuditOutlined />,
  DesktopOutlined: <DesktopOutlined />,
  FileProtectOutlined: <FileProtectOutlined />,
  FolderOpenOutlined: <FolderOpenOutlined />,
  HomeOutlined: <HomeOutlined />,
  IdcardOutlined: <IdcardOutlined />,
  SafetyCertificateOutlined: <SafetyCertificateOutlined />,
  SettingOutlined: <SettingOutlined />,
  TeamOutlined: <TeamOutlined />,
  UserOutlined: <UserOutlined />,
};

export function menuIcon(name: string | undefined): ReactNode {
  return name ? icons[name] : undefined;
}

export interface MenuNode {
  path: string;
  name: string;
  icon?: ReactNode;
  children?: MenuNode[];
}

/**
 * Turns the flat `MeView.menus` (items linked by `parentKey`, in server order) into the side-menu
 * tree. An item with visible children is a group; an item without children is kept only when it
 * is a page this app can show (`isPage`), so empty groups — and links to pages the web app does
 * not have — disappear. Items whose parent is missing are shown at the top level.
 */
export function buildMenuTree(menus: readonly MenuItem[], isPage: (path: string) => boolean): MenuNode[] {
  const keys = new Set(menus.map((m) => m.key));
  const childrenOf = new Map<string | undefined, MenuItem[]>();
  for (const m of menus) {
    const parent = m.parentKey && keys.has(m.parentKey) && m.parentKey !== m.key ? m.parentKey : undefined;
    const list = childrenOf.get(parent) ?? [];
    list.push(m);
    childrenOf.set(parent, list);
  }

  const build = (parent: string | undefined, seen: Set<string>): MenuNode[] => {
    const nodes: MenuNode[] = [];
    for (const item of childrenOf.get(parent) ?? []) {
      if (seen.has(item.key)) continue; // guards against parentKey cycles
      const children = build(item.key, new Set(seen).add(item.key));
      if (children.length > 0) {
        nodes.push({ path: item.key, name: item.name, icon: menuIcon(item.icon), children });
      } else if (isPage(item.key)) {
        nodes.push({ path: item.key, name: item.name, icon: menuIcon(item.icon) });
      }
    }
    return nodes;
  };

  return build(undefined, new Set());
}
