import { z } from 'zod';
import { PasswordPolicy, PositionView, UserView } from './user';
import { DataScopeKind } from './role';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
  totpCode: z.string().regex(/^\d{6}$/, '动态口令为6位数字').optional(),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const LoginResult = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: UserView,
});
export type LoginResult = z.infer<typeof LoginResult>;

export const MenuItem = z.object({
  key: z.string().describe('前端路由'),
  name: z.string(),
  icon: z.string().optional(),
  parentKey: z.string().optional(),
});
export type MenuItem = z.infer<typeof MenuItem>;

export const MeView = z.object({
  user: UserView,
  currentPosition: PositionView,
  permissions: z.array(z.string()),
  dataScope: DataScopeKind,
  menus: z.array(MenuItem),
  sessionExpiresAt: z.string(),
});
export type MeView = z.infer<typeof MeView>;

export const SwitchPositionBody = z.object({ positionId: z.uuid() });
export const ChangePasswordBody = z.object({ oldPassword: z.string().min(1).max(128), newPassword: PasswordPolicy });
export const TotpSetupResult = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpCodeBody = z.object({ code: z.string().regex(/^\d{6}$/, '动态口令为6位数字') });
