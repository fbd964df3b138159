import { z } from 'zod';

/** 数据范围: 本人 / 本单位 / 本单位及下级 / 全省 / 自定义 */
export const DataScopeKind = z.enum(['self', 'org', 'org_and_below', 'province', 'custom']);
export type DataScopeKind = z.infer<typeof DataScopeKind>;
export const dataScopeLabels: Record<DataScopeKind, string> = {
  self: '本人', org: '本单位', org_and_below: '本单位及下级', province: '全省', custom: '自定义',
};

export const RoleView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  dataScope: DataScopeKind,
  customOrgIds: z.array(z.uuid()),
  isSystem: z.boolean(),
});
export type RoleView = z.infer<typeof RoleView>;

export const SaveRoleBody = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '角色代码须为小写字母开头的2-40位字母、数字或下划线'),
  name: z.string().trim().min(2, '角色名称至少2个字').max(32),
  description: z.string().max(200).default(''),
  permissions: z.array(z.string()).max(500),
  dataScope: DataScopeKind,
  customOrgIds: z.array(z.uuid()).max(2000).default([]),
});
export type SaveRoleBody = z.infer<typeof SaveRoleBody>;
