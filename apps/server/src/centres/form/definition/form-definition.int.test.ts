import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateSubmission } from '@jsga/form-engine';
import { chinaDate } from '@jsga/kernel';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { householdForm } from '../testing/household-form.fixture';

let p: TestPlatform;
let admin: string;
beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
});
afterAll(() => p.close());

const save = (definition: unknown, key = householdForm.key) =>
  p.app.inject({ method: 'PUT', url: `/api/admin/form/drafts/${key}`, headers: p.as(admin), payload: { definition } });

describe('form centre', () => {
  it('refuses a definition with problems and names them', async () => {
    const res = await save({ ...householdForm, sections: [{ ...householdForm.sections[0], fields: [{ key: 'x', label: 'X', type: 'select', visibleWhen: 'a ==' }] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FORM_DEFINITION_INVALID');
    expect(res.json().details.problems.map((x: { message: string }) => x.message)).toEqual(expect.arrayContaining(['选择类字段须配置选项', expect.stringMatching(/表达式错误/)]));
    expect((await save(householdForm, 'other_key')).json().code).toBe('FORM_KEY_MISMATCH');
  });

  it('saves into one draft, publishes it, and serves it publicly; a new draft leaves the published version in place', async () => {
    const first = (await save(householdForm)).json();
    const second = (await save({ ...householdForm, title: '户口迁入申请表（修订）' })).json();
    expect(second).toMatchObject({ id: first.id, version: 1, status: 'draft', title: '户口迁入申请表（修订）' });
    expect((await p.app.inject({ url: `/api/forms/${householdForm.key}` })).json().code).toBe('FORM_NOT_FOUND');
    const published = await p.app.inject({ method: 'POST', url: `/api/admin/form/definitions/${first.id}/publish`, headers: p.as(admin) });
    expect(published.json().status).toBe('published');
    const v2 = (await save({ ...householdForm, title: '第二版' })).json();
    expect(v2).toMatchObject({ version: 2, status: 'draft' });
    const served = (await p.app.inject({ url: `/api/forms/${householdForm.key}` })).json();
    expect(served).toMatchObject({ version: 1, title: '户口迁入申请表（修订）' });
  });

  it('validates a submission on the server exactly as the browser does', async () => {
    const data = { name: '王五', idNo: '110105194912310021', reason: 'study', members: [{ name: '', idNo: '11010519491231002X' }], memberCount: 99 };
    const res = (await p.app.inject({ method: 'POST', url: `/api/forms/${householdForm.key}/validate`, payload: { data } })).json();
    const today = chinaDate(new Date());
    const local = validateSubmission(householdForm, data, { today });
    expect(res).toEqual(JSON.parse(JSON.stringify(local)));
    expect(res.errors).toEqual([
      { path: 'idNo', message: '公民身份号码校验位不正确' },
      { path: 'school', message: '请填写录取院校' },
      { path: 'members[0].name', message: '请填写姓名' },
    ]);
    expect(res.values.memberCount).toBe(1);
  });

  it('creates a form from scratch only under an unused key, lists its versions and validates sample data against a draft', async () => {
    const blank = { key: 'family_survey', title: '家庭情况表', sections: [{ key: 'main', title: '基本信息', fields: [] }] };
    const created = await p.app.inject({ method: 'POST', url: '/api/admin/form/definitions', headers: p.as(admin), payload: { definition: blank } });
    expect(created.json()).toMatchObject({ key: 'family_survey', version: 1, status: 'draft' });
    const again = await p.app.inject({ method: 'POST', url: '/api/admin/form/definitions', headers: p.as(admin), payload: { definition: blank } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'FORM_KEY_TAKEN']);
    const bad = await p.app.inject({ method: 'POST', url: '/api/admin/form/definitions', headers: p.as(admin), payload: { definition: { ...blank, key: 'x2', sections: [] } } });
    expect(bad.json().code).toBe('FORM_DEFINITION_INVALID');

    // the household form has v1 published and v2 draft (previous test): both listed, newest first
    const versions = (await p.app.inject({ url: `/api/admin/form/definitions/${created.json().id}/versions`, headers: p.as(admin) })).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1]);
    const list = (await p.app.inject({ url: '/api/admin/form/definitions?keyword=hukou_move_in', headers: p.as(admin) })).json();
    const draft = list.items.find((v: { status: string }) => v.status === 'draft');
    const hukouVersions = (await p.app.inject({ url: `/api/admin/form/definitions/${draft.id}/versions`, headers: p.as(admin) })).json();
    expect(hukouVersions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'published']]);

    // the draft (not yet published) validates with the engine's rules, exactly as the browser does
    const data = { name: '李四', idNo: '11010519491231002X', reason: 'study', members: [{ name: '小李', idNo: '11010519491231002X' }] };
    const res = await p.app.inject({ method: 'POST', url: `/api/admin/form/definitions/${draft.id}/validate`, headers: p.as(admin), payload: { data } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(validateSubmission(householdForm, data, { today: chinaDate(new Date()) }))));
    expect(res.json().errors).toEqual([{ path: 'school', message: '请填写录取院校' }]);
    expect((await p.app.inject({ method: 'POST', url: `/api/admin/form/definitions/${draft.id}/validate`, payload: { data } })).statusCode).toBe(401);
  });

  it('keeps form design to those allowed', async () => {
    const officer = await p.login('xinjiekou');
    expect((await p.app.inject({ method: 'PUT', url: `/api/admin/form/drafts/${householdForm.key}`, headers: p.as(officer), payload: { definition: householdForm } })).statusCode).toBe(403);
  });
});
