import { describe, expect, it } from 'vitest';
import { printTemplateKinds } from '@jsga/contracts';
import { noticeDefinition } from '../test-fixtures';
import { canonical, definitionProblems, locateProblem, moveBlock, setTextAt, usedPlaceholders } from './model';

const variables = [...printTemplateKinds.application_form.variables];

describe('print designer model', () => {
  it('names the block and field a server problem concerns', () => {
    expect(locateProblem(noticeDefinition, 'blocks[2].rows[0].value')).toEqual({ block: 2, where: '第 3 块（表格）第 1 行 内容', field: '第 1 行 内容' });
    expect(locateProblem(noticeDefinition, 'blocks[1].text')).toEqual({ block: 1, where: '第 2 块（段落）内容', field: '内容' });
    expect(locateProblem(noticeDefinition, 'page.margins')).toEqual({ block: null, where: '页面设置 · 页边距', field: '' });
  });

  it('lists placeholders once with their labels, flagging unknown ones and page numbers outside the footer', () => {
    const def = setTextAt(noticeDefinition, ['blocks', 1, 'text'], '{{applicantNmae}}：第 {{page}} 页，{{applicantName}}，{{submittedDate|date}}');
    expect(usedPlaceholders(def, variables)).toEqual([
      { path: 'applicantNmae', label: null, where: ['第 2 块'], unknown: true },
      { path: 'page', label: '页码（仅页脚）', where: ['第 2 块', '页脚'], unknown: true },
      { path: 'applicantName', label: '申请人', where: ['第 2 块'], unknown: false },
      { path: 'submittedDate', label: '申请日期（YYYY-MM-DD）', where: ['第 2 块'], unknown: false },
      { path: 'caseNo', label: '办件编号', where: ['第 3 块'], unknown: false },
    ]);
  });

  it('checks the shape with the contract’s Chinese messages, in the server’s path notation', () => {
    expect(definitionProblems(noticeDefinition)).toEqual([]);
    expect(definitionProblems(setTextAt(noticeDefinition, ['blocks', 0, 'text'], '  '))).toEqual([{ path: 'blocks[0].text', message: '内容不能为空' }]);
  });

  it('moves blocks and compares contents regardless of key order', () => {
    const moved = moveBlock(noticeDefinition, 2, 0);
    expect(moved.blocks.map((b) => b.type)).toEqual(['table', 'title', 'paragraph']);
    expect(moveBlock(noticeDefinition, 0, -1)).toBe(noticeDefinition);
    expect(canonical({ a: 1, b: { c: 2, d: undefined } })).toBe(canonical({ b: { c: 2 }, a: 1 }));
  });
});
