import { z } from 'zod';
import { ListQuery } from '../common';

export const UserType = z.enum(['police', 'auxiliary', 'admin']);
export type UserType = z.infer<typeof UserType>;
export const userTypeLabels: Record<UserType, string> = { police: '民警', auxiliary: '辅警', admin: '管理员' };

export const PositionView = z.object({
  id: z.uuid(),
  title: z.string().describe('岗位名称，如 受理岗'),
  orgId: z.uuid(),
  orgName: z.string(),
  roleIds: z.array(z.uuid()),
  roleNames: z.array(z.string()),
  isPrimary: z.boolean(),
});
export type PositionView = z.infer<typeof PositionView>;

export const UserView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  userType: UserType,
  policeNo: z.string().nullable().describe('警号'),
  phone: z.string().nullable().describe('手机号（脱敏）'),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.enum(['active', 'disabled']),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  positions: z.array(PositionView),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const UserListQuery = ListQuery.extend({
  orgId: z.uuid().optional().describe('所属机构（含下级）'),
  status: z.enum(['active', 'disabled']).optional(),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** 选择同事（转办、委派、加签、抄送）: any signed-in officer may look colleagues up by name, account or police number. */
export const ColleagueQuery = z.object({ keyword: z.string().trim().min(1, '请输入姓名、账号或警号').max(50) });
export const ColleagueView = z.object({ id: z.uuid(), displayName: z.string(), username: z.string(), orgName: z.string() });
export type ColleagueView = z.infer<typeof ColleagueView>;

export const PasswordPolicy = z
  .string()
  .min(8, '密码至少8位')
  .max(64, '密码不超过64位')
  .refine((v) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(v)).length >= 3, '密码须包含大写字母、小写字母、数字、符号中的至少三类');

export const PositionInput = z.object({
  title: z.string().trim().min(1).max(32),
  orgId: z.uuid(),
  roleIds: z.array(z.uuid()).min(1, '岗位至少分配一个角色'),
  isPrimary: z.boolean().default(false),
});
export type PositionInput = z.infer<typeof PositionInput>;

export const CreateUserBody = z.object({
  username: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_.]{2,31}$/, '用户名须为字母开头的3-32位字母、数字、下划线或点'),
  displayName: z.string().trim().min(2, '姓名至少2个字').max(32),
  userType: UserType,
  policeNo: z.string().trim().regex(/^\d{6,8}$/, '警号为6-8位数字').nullable().optional(),
  phone: z.string().regex(/^1\d{10}$/, '手机号格式不正确').nullable().optional(),
  orgId: z.uuid(),
  password: PasswordPolicy,
  positions: z.array(PositionInput).min(1, '至少设置一个岗位').max(10),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(2).max(32).optional(),
  policeNo: z.string().trim().regex(/^\d{6,8}$/, '警号为6-8位数字').nullable().optional(),
  phone: z.string().regex(/^1\d{10}$/, '手机号格式不正确').nullable().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  positions: z.array(PositionInput).min(1).max(10).optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({ password: PasswordPolicy });
