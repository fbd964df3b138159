import { defineErrors } from '@jsga/kernel';

export const authErrors = defineErrors('AUTH', {
  INVALID_CREDENTIALS: { category: 'UNAUTHENTICATED', message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { category: 'FORBIDDEN', message: '登录失败次数过多，账号已临时锁定，请稍后再试或联系管理员解锁' },
  ACCOUNT_DISABLED: { category: 'FORBIDDEN', message: '账号已停用，请联系管理员' },
  TOTP_REQUIRED: { category: 'UNAUTHENTICATED', message: '请输入动态口令' },
  TOTP_INVALID: { category: 'UNAUTHENTICATED', message: '动态口令错误或已使用' },
  TOTP_NOT_SET_UP: { category: 'INVALID_STATE', message: '请先生成动态口令密钥' },
  SESSION_INVALID: { category: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  PASSWORD_WRONG: { category: 'INVALID_INPUT', message: '原密码不正确' },
  PASSWORD_REUSED: { category: 'INVALID_INPUT', message: '新密码不能与原密码相同' },
  POSITION_NOT_HELD: { category: 'FORBIDDEN', message: '您不在该岗位上' },
});

export const identityErrors = defineErrors('IDENTITY', {
  ORG_NOT_FOUND: { category: 'NOT_FOUND', message: '机构不存在或不在您的数据范围内' },
  ORG_CODE_TAKEN: { category: 'CONFLICT', message: '机构代码已被使用' },
  ORG_LEVEL_INVALID: { category: 'INVALID_INPUT', message: '该上级机构下不能建立此层级的机构' },
  ORG_IN_USE: { category: 'CONFLICT', message: '机构下仍有启用的下级机构或用户，不能停用' },
  USER_NOT_FOUND: { category: 'NOT_FOUND', message: '用户不存在或不在您的数据范围内' },
  USERNAME_TAKEN: { category: 'CONFLICT', message: '用户名已被使用' },
  POLICE_NO_TAKEN: { category: 'CONFLICT', message: '警号已被使用' },
  POLICE_NO_REQUIRED: { category: 'INVALID_INPUT', message: '民警须填写警号' },
  CANNOT_DISABLE_SELF: { category: 'INVALID_STATE', message: '不能停用自己的账号' },
  ROLE_NOT_FOUND: { category: 'NOT_FOUND', message: '角色不存在' },
  ROLE_CODE_TAKEN: { category: 'CONFLICT', message: '角色代码已被使用' },
  ROLE_IN_USE: { category: 'CONFLICT', message: '角色仍被岗位使用，不能删除' },
  ROLE_SYSTEM_READONLY: { category: 'INVALID_STATE', message: '系统内置角色不能修改或删除' },
  UNKNOWN_PERMISSION: { category: 'INVALID_INPUT', message: '包含不存在的权限' },
  GRANT_EXCEEDS_OWN: { category: 'FORBIDDEN', message: '不能授予超出自身权限或数据范围的角色' },
});
