import { defineErrors } from '@jsga/kernel';

export const filesErrors = defineErrors('FILE', {
  MISSING: { category: 'INVALID_INPUT', message: '请选择要上传的文件' },
  EMPTY: { category: 'INVALID_INPUT', message: '文件为空' },
  TOO_LARGE: { category: 'PAYLOAD_TOO_LARGE', message: '文件超过大小上限' },
  EXECUTABLE: { category: 'INVALID_INPUT', message: '不允许上传可执行程序或脚本' },
  TYPE_NOT_ALLOWED: { category: 'INVALID_INPUT', message: '不支持的文件类型，请上传 PDF、OFD、图片或 Office 文档' },
  ARCHIVE_BOMB: { category: 'INVALID_INPUT', message: '文件解压后体积异常（疑似压缩炸弹），已拒绝' },
  ARCHIVE_HOSTILE_NAME: { category: 'INVALID_INPUT', message: '文件内含非法路径，已拒绝' },
  ARCHIVE_CORRUPT: { category: 'INVALID_INPUT', message: '文件已损坏，无法识别' },
  NAME_INVALID: { category: 'INVALID_INPUT', message: '文件名无效' },
  NOT_FOUND: { category: 'NOT_FOUND', message: '文件不存在或无权访问' },
  // Object storage (S3-compatible). Details carry the operation, HTTP status and S3 error code only: never credentials.
  STORE_UNAVAILABLE: { category: 'UPSTREAM_FAILED', message: '文件存储服务暂时不可用，请稍后重试' },
  STORE_REJECTED: { category: 'UPSTREAM_FAILED', message: '文件存储拒绝了请求，请联系管理员检查存储配置' },
  STORE_CORRUPT: { category: 'UPSTREAM_FAILED', message: '文件存储返回的内容与登记的摘要不符，已拒绝使用' },
});
