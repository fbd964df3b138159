import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintTemplateDefinition } from '@jsga/contracts';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { PrintApi } from '../index';
import { embeddedFonts, pdfPageTexts } from '../testing/pdf-inspect';

let p: TestPlatform;
let admin: string;
let officer: string;
const call = apiCaller(() => p, '/api/admin/print');
const api = () => p.modules.get('print')!.api as PrintApi;
beforeAll(async () => {
  p = await createTestPlatform();
  [admin, officer] = [await p.login('admin'), await p.login('xinjiekou')];
});
afterAll(() => p.close());

const decision = {
  applicantName: '龚堃', matterName: '户口迁移（大中专院校学生入学）', caseNo: '320102202603050000456', orgName: '南京市公安局玄武区分局',
  concludedDate: '2026-03-05', opinion: '经审核，不符合迁移条件，不予许可。', reason: '申请人提交的录取通知书与学籍信息不一致，不符合户口迁移条件。',
};
const page = { size: 'A4', margins: { top: 37, right: 26, bottom: 35, left: 28 } } as const;
const notice = (text: string): PrintTemplateDefinition => ({ page, blocks: [{ type: 'title', text: '领取通知书' }, { type: 'paragraph', text }] });

describe('print centre', () => {
  it('seeds 准予许可决定书 and 不予许可决定书 as published version 1, once', async () => {
    await p.modules.get('print')!.seedReference!();
    const list = (await call(admin, 'GET', '/templates?keyword=result')).json();
    expect(list.items.map((t: { key: string; version: number; status: string }) => [t.key, t.version, t.status]))
      .toEqual([['approval_result', 1, 'published'], ['disapproval_result', 1, 'published']]);
    const detail = (await call(admin, 'GET', `/templates/${list.items[1].id}`)).json();
    expect(detail).toMatchObject({ key: 'disapproval_result', kind: 'result_document', title: '不予许可决定书' });
    expect(detail.placeholders).toContainEqual({ path: 'reason', label: '不予许可理由' });
    expect((await call(admin, 'GET', '/kinds')).json()[0].variables.map((v: { path: string }) => v.path))
      .toEqual(['applicantName', 'matterName', 'caseNo', 'orgName', 'concludedDate', 'opinion', 'reason']);
  });

  it('renders the seeded 不予许可决定书 with Chinese data: text a reader extracts, glyphs that print', async () => {
    const doc = await api().render(p.database.db, 'disapproval_result', decision);
    expect(doc).toMatchObject({ templateKey: 'disapproval_result', templateVersion: 1 });
    expect(Buffer.from(doc.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPageTexts(doc.bytes);
    expect(pages).toHaveLength(1);
    const [text] = pages;
    for (const expected of [
      '不予许可决定书', '龚堃：', '你（单位）申请办理的户口迁移（大中专院校学生入学）（办件编号：320102202603050000456）',
      `经审查，${decision.reason}根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予许可。`,
      '不予许可理由申请人提交的录取通知书', '办理结果不予许可', '审批意见经审核，不符合迁移条件，不予许可。',
      '如不服本决定，可以自收到本决定书之日起60日内依法申请行政复议，或者自收到本决定书之日起6个月内依法向人民法院提起行政诉讼。',
      '南京市公安局玄武区分局2026年3月5日', '第1页共1页',
    ]) expect(text).toContain(expected.replace(/\s+/g, ''));
    expect(text).not.toContain('{{');
    const fonts = await embeddedFonts(doc.bytes);
    expect(fonts.every((f) => f.unreadable.length === 0)).toBe(true);
    expect(fonts[0].withOutlines).toBeGreaterThan(100);
  });

  it('serves a PDF preview of any version for sample data, or the kind’s samples without data', async () => {
    const { items } = (await call(admin, 'GET', '/templates?keyword=approval_result')).json();
    const res = await call(admin, 'POST', `/templates/${items[0].id}/preview`, { data: { ...decision, applicantName: '王小明', opinion: '同意' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('approval_result-v1-preview.pdf');
    const [text] = await pdfPageTexts(new Uint8Array(res.rawPayload));
    expect(text).toContain('准予许可决定书王小明：');
    expect(text).toContain('办理结果准予许可');
    const sample = await call(admin, 'POST', `/templates/${items[0].id}/preview`, {});
    expect((await pdfPageTexts(new Uint8Array(sample.rawPayload)))[0]).toContain('张明远');
  });

  it('refuses a malformed definition, and refuses to publish a broken one, with Chinese messages and stable codes', async () => {
    const malformed = await call(admin, 'POST', '/templates', { key: 'broken_notice', title: '领取通知书', kind: 'result_document', definition: { page, blocks: [{ type: 'paragraph' }] } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'PRINT_DEFINITION_INVALID', details: { problems: [{ path: 'blocks[0].text' }] } });
    expect(malformed.json().message).toMatch(/^打印模板定义格式不正确：blocks\[0\]\.text/);

    const created = await call(admin, 'POST', '/templates', { key: 'broken_notice', title: '领取通知书', kind: 'result_document', definition: notice('{{applicantNmae}}：请于{{pickupDate}}领取。\ue000') });
    expect(created.json()).toMatchObject({ key: 'broken_notice', version: 1, status: 'draft', placeholders: [{ path: 'applicantNmae', label: null }, { path: 'pickupDate', label: null }] });
    const refused = await call(admin, 'POST', `/templates/${created.json().id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('PRINT_TEMPLATE_INVALID');
    expect(refused.json().message).toMatch(/^打印模板有误，不能发布：blocks\[1\]\.text 变量 \{\{applicantNmae\}\} 不是“办件结果文书”提供的变量/);
    expect(refused.json().details.problems.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/\{\{applicantNmae\}\}/), expect.stringMatching(/\{\{pickupDate\}\}/), '字体中没有这些字：\ue000',
    ]);
    expect((await call(admin, 'GET', `/templates/${created.json().id}`)).json().status).toBe('draft');
    await expect(api().render(p.database.db, 'broken_notice', decision)).rejects.toMatchObject({ code: 'PRINT_TEMPLATE_NOT_FOUND' });
    expect((await call(admin, 'POST', '/templates', { key: 'broken_notice', title: 'x', kind: 'result_document', definition: notice('x') })).json().code).toBe('PRINT_KEY_TAKEN');
  });

  it('saves a new version, publishes it in place of the old one, and prints with the latest; each change audited', async () => {
    const v1 = (await call(admin, 'GET', '/templates?keyword=approval_result')).json().items[0];
    const definition = (await call(admin, 'GET', `/templates/${v1.id}`)).json().definition as PrintTemplateDefinition;
    const revised = { ...definition, blocks: [...definition.blocks.slice(0, -1), { type: 'paragraph', text: '请携带本人居民身份证领取。' }, definition.blocks.at(-1)!] };
    const draft = (await call(admin, 'PUT', '/drafts/approval_result', { title: '准予许可决定书（第二版）', definition: revised })).json();
    expect(draft).toMatchObject({ version: 2, status: 'draft', kind: 'result_document' });
    expect((await call(admin, 'PUT', '/drafts/approval_result', { title: '准予许可决定书（第二版）', definition: revised })).json().id).toBe(draft.id);
    expect((await api().render(p.database.db, 'approval_result', decision)).templateVersion).toBe(1);

    const published = await call(admin, 'POST', `/templates/${draft.id}/publish`);
    expect(published.json()).toMatchObject({ version: 2, status: 'published' });
    expect((await call(admin, 'POST', `/templates/${draft.id}/publish`)).json().code).toBe('PRINT_NOT_DRAFT');
    expect((await call(admin, 'GET', `/templates/${v1.id}`)).json().status).toBe('retired');
    const doc = await api().render(p.database.db, 'approval_result', decision);
    expect(doc.templateVersion).toBe(2);
    expect((await pdfPageTexts(doc.bytes))[0]).toContain('请携带本人居民身份证领取。');
    expect((await api().getPublished(p.database.db, 'approval_result')).version).toBe(2);
    expect((await call(admin, 'PUT', '/drafts/no_such_template', { title: 'x', definition: notice('x') })).json().code).toBe('PRINT_TEMPLATE_NOT_FOUND');

    const audit = (await p.app.inject({ url: '/api/admin/audit/logs?action=print.template&pageSize=50', headers: p.as(admin) })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['print.template.create', 'print.template.save', 'print.template.publish']));
    expect(audit.items.find((a: { action: string }) => a.action === 'print.template.publish'))
      .toMatchObject({ targetType: 'print_template', targetIds: [draft.id], detail: { key: 'approval_result', version: 2, retiredVersion: 1 } });
  });

  it('keeps template design and preview to those allowed', async () => {
    const { items } = (await call(admin, 'GET', '/templates')).json();
    expect((await call(officer, 'GET', '/templates')).statusCode).toBe(403);
    expect((await call(officer, 'POST', `/templates/${items[0].id}/preview`, {})).statusCode).toBe(403);
    expect((await call(officer, 'POST', `/templates/${items[0].id}/publish`)).statusCode).toBe(403);
    expect((await p.app.inject({ method: 'GET', url: '/api/admin/print/templates' })).statusCode).toBe(401);
  });
});
