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

  it('keeps form design to those allowed', async () => {
    const officer = await p.login('xinjiekou');
    expect((await p.app.inject({ method: 'PUT', url: `/api/admin/form/drafts/${householdForm.key}`, headers: p.as(officer), payload: { definition: householdForm } })).statusCode).toBe(403);
  });
});
