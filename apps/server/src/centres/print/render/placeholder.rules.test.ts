import { describe, expect, it } from 'vitest';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { chineseDate, fillText, placeholdersOf, scanText } from './placeholder.rules';

const definition: PrintTemplateDefinition = {
  page: { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } },
  footer: '{{caseNo}} 第{{page}}页',
  blocks: [
    { type: 'title', text: '{{ docTitle }}' },
    { type: 'paragraph', text: '{{applicantName}}：你申请的{{matterName}}（{{caseNo}}）已办结。{{applicant.address}}' },
    { type: 'table', rows: [{ label: '申请人', value: '{{applicantName}}' }, { label: '{{extraLabel}}', value: '{{concludedDate|date}}' }] },
    { type: 'spacer', height: 10 },
    { type: 'signature', orgName: '{{orgName}}', date: '{{concludedDate | date}}' },
  ],
};

describe('placeholders', () => {
  it('lists every variable a template uses once, in reading order, footer included', () => {
    expect(placeholdersOf(definition)).toEqual([
      'docTitle', 'applicantName', 'matterName', 'caseNo', 'applicant.address', 'extraLabel', 'concludedDate', 'orgName', 'page',
    ]);
  });

  it('fills values by path, and prints missing, unknown and non-text values as nothing', () => {
    const data = { applicantName: '张明远', matterName: '户口迁移', applicant: { address: '玄武区' }, count: 3, paid: true, nested: { a: 1 }, list: ['甲'] };
    expect(fillText('{{applicantName}}：你申请的{{matterName}}（{{caseNo}}）{{applicant.address}}', data)).toBe('张明远：你申请的户口迁移（）玄武区');
    expect(fillText('[{{nested}}][{{list.0}}][{{count}}][{{paid}}][{{nothing.deeper}}][{{ bad name }}]', data)).toBe('[][甲][3][是][][]');
  });

  it('formats dates as 年月日 with the date filter, and instants as their date in China', () => {
    expect(fillText('{{d|date}} {{d}} {{i|date}} {{s|date}}', { d: '2026-03-05', i: new Date('2026-03-04T17:30:00Z'), s: '三月五日' }))
      .toBe('2026年3月5日 2026-03-05 2026年3月5日 三月五日');
    expect(chineseDate('2026-12-31T08:00:00+08:00')).toBe('2026年12月31日');
  });

  it('reports malformed placeholders in Chinese', () => {
    expect(scanText('{{applicantName}}').problems).toEqual([]);
    expect(scanText('{{申请人}}').problems).toEqual([expect.stringMatching(/变量名不正确/)]);
    expect(scanText('{{a.}}').problems).toEqual([expect.stringMatching(/变量名不正确/)]);
    expect(scanText('{{d|upper}}').problems).toEqual([expect.stringMatching(/格式 upper 不存在/)]);
    expect(scanText('{{d|date|date}}').problems).toEqual([expect.stringMatching(/只能有一个格式/)]);
    expect(scanText('你好 {{applicantName').problems).toEqual(['占位符的 {{ 与 }} 不成对']);
  });
});
