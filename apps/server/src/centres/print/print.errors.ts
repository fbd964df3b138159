import { defineErrors } from '@jsga/kernel';

export const printErrors = defineErrors('PRINT', {
  DEFINITION_INVALID: { category: 'INVALID_INPUT', message: '打印模板定义格式不正确' },
  TEMPLATE_INVALID: { category: 'INVALID_STATE', message: '打印模板有误，不能发布' },
  TEMPLATE_NOT_FOUND: { category: 'NOT_FOUND', message: '打印模板不存在或未发布' },
  NOT_DRAFT: { category: 'INVALID_STATE', message: '只有草稿可以发布' },
  KEY_TAKEN: { category: 'CONFLICT', message: '模板标识已被使用，请换一个标识或打开已有模板' },
  FONT_MISSING: { category: 'INTERNAL', message: '未找到可用的中文字体，无法生成 PDF：请重新安装依赖（npm ci）或设置 PRINT_FONT_PATH 指向 TTF/OTF/TTC 字体文件' },
});
