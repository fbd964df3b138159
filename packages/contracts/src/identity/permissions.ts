/**
 * Permission catalogue. Codes are `<module>:<resource>:<action>`; `type` tells whether a code gates
 * a menu, a button or an API. Modules append their entries here so the role editor can list them.
 */
export type PermissionType = 'menu' | 'button' | 'api';
export type PermissionDef = { code: string; name: string; type: PermissionType; group: string };

export const permissionCatalogue = [
  { code: 'workbench:home:view', name: '工作台', type: 'menu', group: '工作台' },
  { code: 'identity:org:view', name: '查看机构', type: 'menu', group: '机构管理' },
  { code: 'identity:org:create', name: '新增机构', type: 'button', group: '机构管理' },
  { code: 'identity:org:update', name: '编辑/停用机构', type: 'button', group: '机构管理' },
  { code: 'identity:user:view', name: '查看用户', type: 'menu', group: '用户管理' },
  { code: 'identity:user:create', name: '新增用户', type: 'button', group: '用户管理' },
  { code: 'identity:user:update', name: '编辑/停用用户、调整岗位', type: 'button', group: '用户管理' },
  { code: 'identity:user:reset-password', name: '重置密码、解锁', type: 'button', group: '用户管理' },
  { code: 'identity:role:view', name: '查看角色', type: 'menu', group: '角色权限' },
  { code: 'identity:role:manage', name: '新增/编辑/删除角色', type: 'button', group: '角色权限' },
  { code: 'audit:log:view', name: '查看审计日志', type: 'menu', group: '安全审计' },
  { code: 'audit:log:verify', name: '校验审计链', type: 'button', group: '安全审计' },
  { code: 'matter:catalogue:view', name: '查看事项', type: 'menu', group: '事项管理' },
  { code: 'matter:catalogue:edit', name: '新增/编辑事项及实施事项、提交审核', type: 'button', group: '事项管理' },
  { code: 'matter:catalogue:publish', name: '审核发布、退回、停用事项版本', type: 'button', group: '事项管理' },
  { code: 'form:definition:view', name: '查看表单定义', type: 'api', group: '表单管理' },
  { code: 'form:definition:manage', name: '设计、发布表单', type: 'api', group: '表单管理' },
  { code: 'message:template:manage', name: '维护消息模板', type: 'api', group: '消息中心' },
  { code: 'workflow:definition:view', name: '查看流程定义', type: 'api', group: '流程管理' },
  { code: 'workflow:definition:manage', name: '部署、发布流程定义', type: 'api', group: '流程管理' },
  { code: 'workflow:calendar:manage', name: '维护工作日历（节假日、调休）', type: 'api', group: '流程管理' },
  { code: 'matter:catalogue:publish-own', name: '发布本人编辑的事项版本（免四眼复核）', type: 'button', group: '事项管理' },
  { code: 'workflow:task:view', name: '我的待办', type: 'menu', group: '流程管理' },
  { code: 'workflow:instance:monitor', name: '流程监控（流程图、历史、超期任务）', type: 'menu', group: '流程管理' },
  { code: 'workflow:instance:migrate', name: '迁移运行中的流程实例到新版本', type: 'button', group: '流程管理' },
  { code: 'case:case:view', name: '办件查询（本人数据范围内）', type: 'menu', group: '办件管理' },
  { code: 'case:case:handle', name: '办件登记、状态变更（补件、容缺、特别程序等）', type: 'button', group: '办件管理' },
  { code: 'elicense:licence:view', name: '查询电子证照（按持证人，查询留痕）', type: 'api', group: '电子证照' },
  { code: 'print:template:view', name: '查看打印模板、预览', type: 'api', group: '打印模板' },
  { code: 'print:template:manage', name: '设计、发布打印模板', type: 'api', group: '打印模板' },
  { code: 'archive:record:view', name: '查看归档记录（预归档、已归档）', type: 'menu', group: '电子归档' },
  { code: 'archive:record:archive', name: '四性检测、归档、下载归档信息包', type: 'button', group: '电子归档' },
  { code: 'archive:rule:manage', name: '维护归档配置（保管期限、归档范围、材料目录）', type: 'button', group: '电子归档' },
  { code: 'archive:stats:view', name: '归档统计', type: 'menu', group: '电子归档' },
  { code: 'hukou:person:view', name: '人口信息查询（人员、户、变动轨迹，本人数据范围内）', type: 'menu', group: '户政管理' },
  { code: 'hukou:stats:view', name: '人口统计', type: 'menu', group: '户政管理' },
  { code: 'hukou:segment:manage', name: '公民身份号码号段管理', type: 'menu', group: '户政管理' },
] as const satisfies readonly PermissionDef[];

export type PermissionCode = (typeof permissionCatalogue)[number]['code'];
export const allPermissionCodes: string[] = permissionCatalogue.map((p) => p.code);

/** Workbench menu: an item shows when the user holds its permission (groups show when a child does). */
export type MenuDef = { key: string; name: string; icon?: string; permission?: PermissionCode; parentKey?: string };
export const menuCatalogue: MenuDef[] = [
  { key: '/workbench', name: '工作台', icon: 'DesktopOutlined', permission: 'workbench:home:view' },
  { key: '/system', name: '系统管理', icon: 'SettingOutlined' },
  { key: '/system/orgs', name: '机构管理', permission: 'identity:org:view', parentKey: '/system' },
  { key: '/system/users', name: '用户管理', permission: 'identity:user:view', parentKey: '/system' },
  { key: '/system/roles', name: '角色权限', permission: 'identity:role:view', parentKey: '/system' },
  { key: '/security', name: '安全审计', icon: 'SafetyCertificateOutlined' },
  { key: '/security/audit', name: '审计日志', permission: 'audit:log:view', parentKey: '/security' },
  { key: '/config', name: '配置中心', icon: 'AppstoreOutlined' },
  { key: '/config/matters', name: '事项管理', permission: 'matter:catalogue:view', parentKey: '/config' },
  { key: '/config/forms', name: '表单设计', permission: 'form:definition:view', parentKey: '/config' },
  { key: '/config/workflows', name: '流程设计', permission: 'workflow:definition:view', parentKey: '/config' },
  { key: '/config/print-templates', name: '打印模板', permission: 'print:template:view', parentKey: '/config' },
  { key: '/config/calendar', name: '工作日历', permission: 'workflow:calendar:manage', parentKey: '/config' },
  { key: '/handling', name: '业务办理', icon: 'FileProtectOutlined' },
  { key: '/handling/tasks', name: '我的待办', permission: 'workflow:task:view', parentKey: '/handling' },
  { key: '/handling/cases', name: '办件查询', permission: 'case:case:view', parentKey: '/handling' },
  { key: '/handling/pre-review', name: '网上预审', permission: 'case:case:view', parentKey: '/handling' },
  { key: '/handling/monitor', name: '流程监控', permission: 'workflow:instance:monitor', parentKey: '/handling' },
  { key: '/archive', name: '电子归档', icon: 'FolderOpenOutlined' },
  { key: '/archive/records', name: '预归档与归档', permission: 'archive:record:view', parentKey: '/archive' },
  { key: '/archive/stats', name: '归档统计', permission: 'archive:stats:view', parentKey: '/archive' },
  { key: '/archive/rules', name: '归档配置', permission: 'archive:record:view', parentKey: '/archive' },
  { key: '/archive/logs', name: '归档日志', permission: 'archive:record:view', parentKey: '/archive' },
  { key: '/hukou', name: '户政管理', icon: 'TeamOutlined' },
  { key: '/hukou/persons', name: '人口信息', permission: 'hukou:person:view', parentKey: '/hukou' },
  { key: '/hukou/stats', name: '人口统计', permission: 'hukou:stats:view', parentKey: '/hukou' },
  { key: '/hukou/segments', name: '号段管理', permission: 'hukou:segment:manage', parentKey: '/hukou' },
];
