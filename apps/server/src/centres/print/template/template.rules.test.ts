import { describe, expect, it } from 'vitest';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { referenceTemplates } from '../seed/result-documents';
import { parseDefinition, placeholderList, publishProblems, sampleData } from './template.rules';

const page = { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } } as const;
const valid: PrintTemplateDefinition = { page, blocks: [{ type: 'title', text: '准予许可决定书' }, { type: 'paragraph', text: '{{applicantName}}：' }] };
const messages = (def: PrintTemplateDefinition) => publishProblems(def, 'result_document').map((p) => `${p.path} ${p.message}`);

describe('print template rules', () => {
  it('accepts the reference templates for publishing, with every placeholder a variable of their kind', () => {
    for (const t of referenceTemplates) {
      expect(parseDefinition(t.definition)).toMatchObject({ ok: true });
      expect(publishProblems(t.definition, t.kind)).toEqual([]);
      expect(placeholderList(t.definition, t.kind).every((p) => p.label !== null)).toBe(true);
    }
    const disapproval = referenceTemplates.find((t) => t.key === 'disapproval_result')!;
    expect(placeholderList(disapproval.definition, 'result_document').map((p) => p.path))
      .toEqual(['applicantName', 'matterName', 'caseNo', 'reason', 'orgName', 'concludedDate', 'opinion', 'page', 'pages']);
  });

  it('accepts a list table only over a list its kind supplies', () => {
    const def = (source: string): PrintTemplateDefinition => ({ page, blocks: [{ type: 'title', text: '申请表' }, { type: 'list_table', source }] });
    expect(publishProblems(def('form'), 'application_form')).toEqual([]);
    expect(publishProblems(def('materials'), 'application_form')).toEqual([]);
    expect(publishProblems(def('missingMaterials'), 'application_form')).toEqual([
      { path: 'blocks[1].source', message: expect.stringContaining('数据列表 missingMaterials 不是“申请表”提供的（可用：form 申请表填报内容、materials 申请材料）') },
    ]);
    expect(publishProblems(def('form'), 'result_document')[0].message).toContain('该类别不提供数据列表');
    expect(sampleData('application_form').form).toEqual([{ label: '姓名', value: '张明远' }, { label: '补领原因', value: '遗失' }]);
  });

  it('names the field and the problem of a malformed definition', () => {
    const parsed = parseDefinition({ page: { size: 'A3', margins: { top: 37, right: 26, bottom: 35, left: 28 } }, blocks: [{ type: 'paragraph', text: ' ' }, { type: 'chart' }, { type: 'title', text: 'x', colour: 'red' }] });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['page.size', 'blocks[0].text', 'blocks[1].type', 'blocks[2]']));
    expect(problems.find((p) => p.path === 'blocks[0].text')?.message).toBe('内容不能为空');
    expect(parseDefinition(null)).toMatchObject({ ok: false, problems: [{ path: '(定义)' }] });
  });

  it('refuses to publish placeholders its kind does not supply, page numbers outside the footer and malformed ones', () => {
    expect(messages({ ...valid, blocks: [...valid.blocks, { type: 'paragraph', text: '{{applicantNmae}} 第{{page}}页 {{x|upper}}' }] })).toEqual([
      expect.stringMatching(/^blocks\[2\]\.text 占位符 \{\{x\|upper\}\} 的格式 upper 不存在/),
      expect.stringMatching(/^blocks\[2\]\.text 变量 \{\{applicantNmae\}\} 不是“办件结果文书”提供的变量，打印时将为空（可用：applicantName、/),
      'blocks[2].text {{page}} 只能用于页脚',
    ]);
    expect(messages({ ...valid, footer: '第{{page}}页 共{{pages}}页' })).toEqual([]);
  });

  it('refuses to publish a page without room for text, a wide label column or a document without a title', () => {
    expect(messages({ ...valid, page: { size: 'A4', margins: { top: 100, right: 80, bottom: 100, left: 80 } } }))
      .toEqual(['page.margins 左右页边距过大：正文宽度只剩 50 毫米（至少 60 毫米）']);
    expect(messages({ ...valid, page: { size: 'A4', margins: { top: 110, right: 26, bottom: 110, left: 28 } } })).toEqual(['page.margins 上下页边距过大：正文高度只剩 77 毫米（至少 80 毫米）']);
    expect(messages({ ...valid, footer: '页脚', page: { size: 'A4', margins: { ...page.margins, bottom: 8 } } })).toEqual(['footer 有页脚时下页边距至少 12 毫米']);
    expect(messages({ ...valid, blocks: [...valid.blocks, { type: 'table', labelWidth: 90, rows: [{ label: '申请人', value: '' }] }] })).toEqual(['blocks[2].labelWidth 表格项目列宽不能超过正文宽度的一半（78 毫米）']);
    expect(messages({ ...valid, blocks: [{ type: 'paragraph', text: '正文' }] })).toEqual(['blocks 文书须有标题']);
  });

  it('offers sample values for every variable of a kind', () => {
    expect(sampleData('result_document')).toMatchObject({ applicantName: '张明远', concludedDate: '2026-03-05' });
  });
});
