import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { MatterApi } from '../index';
import { twoSituationInput } from '../testing/matter-config.fixture';
import { loginWithRole } from '../testing/matter-test-users';

let p: TestPlatform;
let admin: string;
let reviewer: string;
let matterId: string;
let v1: string;
let v2: string;

const call = apiCaller(() => p, '/api/admin/matter');
const api = () => p.modules.get('matter')!.api as MatterApi;

beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
  // A second province-level reviewer without the 免四眼 permission.
  reviewer = await loginWithRole(p, admin, { username: 'auditor', roleCode: 'matter_reviewer', dataScope: 'province',
    permissions: ['matter:catalogue:view', 'matter:catalogue:edit', 'matter:catalogue:publish'] });
});
afterAll(() => p.close());

describe('matter versions: draft → review → published, and republishing', () => {
  it('a new two-situation matter is published only after review; a draft cannot skip it', async () => {
    const created = await call(admin, 'POST', '/matters', { code: 'TEST-MOVE', config: twoSituationInput() });
    expect(created.statusCode).toBe(200);
    matterId = created.json().id;
    v1 = created.json().versions[0].id;
    expect(created.json().versions).toEqual([expect.objectContaining({ versionNo: 1, status: 'draft' })]);
    const early = await call(reviewer, 'POST', `/versions/${v1}/publish`);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('MATTER_INVALID_TRANSITION');
    expect((await call(admin, 'POST', `/versions/${v1}/submit`)).json().status).toBe('in_review');
    const locked = await call(admin, 'PUT', `/versions/${v1}`, { config: twoSituationInput({ visits: 0 }) });
    expect(locked.statusCode).toBe(422);
    expect(locked.json().code).toBe('MATTER_VERSION_NOT_EDITABLE');
    const published = await call(reviewer, 'POST', `/versions/${v1}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', versionNo: 1, publishedAt: expect.any(String) });
    expect((await p.app.inject({ url: '/api/matters/TEST-MOVE' })).json()).toMatchObject({ versionNo: 1, promisedLimitDays: 10 });
  });

  it('refuses to edit a published version with a stable code; changes go through a new draft', async () => {
    const edit = await call(admin, 'PUT', `/versions/${v1}`, { config: twoSituationInput({ promisedLimitDays: 5 }) });
    expect(edit.statusCode).toBe(422);
    expect(edit.json()).toMatchObject({ code: 'MATTER_VERSION_NOT_EDITABLE', message: '只有草稿版本可以修改；已提交或已发布的版本请新建草稿' });
    const draft = await call(reviewer, 'POST', `/matters/${matterId}/versions`, {});
    expect(draft.statusCode).toBe(200);
    v2 = draft.json().id;
    expect(draft.json()).toMatchObject({ versionNo: 2, status: 'draft', sourceVersionId: v1, config: expect.objectContaining({ promisedLimitDays: 10 }) });
    const second = await call(admin, 'POST', `/matters/${matterId}/versions`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('MATTER_OPEN_VERSION_EXISTS');
  });

  it('four eyes: the last editor cannot publish; a reviewer can return it with a reason, another user publishes', async () => {
    const changed = twoSituationInput({ promisedLimitDays: 5 });
    changed.materials = changed.materials!.filter((m) => m.code !== 'PHOTO');
    changed.situations![0].options[1].effects = { addMaterials: ['MARRIAGE', 'DIPLOMA'] };
    const saved = await call(reviewer, 'PUT', `/versions/${v2}`, { config: changed });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().updatedBy).not.toBeNull();
    await call(reviewer, 'POST', `/versions/${v2}/submit`);
    const own = await call(reviewer, 'POST', `/versions/${v2}/publish`);
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('MATTER_FOUR_EYES');
    const returned = await call(admin, 'POST', `/versions/${v2}/return`, { reason: '请补充收费说明' });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewNote: '请补充收费说明' });
    await call(reviewer, 'POST', `/versions/${v2}/submit`);
    const ok = await call(admin, 'POST', `/versions/${v2}/publish`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', versionNo: 2 });
    const detail = (await call(admin, 'GET', `/matters/${matterId}`)).json();
    expect(detail.versions.map((v: { versionNo: number; status: string }) => `${v.versionNo}:${v.status}`)).toEqual(['2:published', '1:retired']);
    expect(detail.publishedVersionId).toBe(v2);
  });

  it('version 1 stays readable by id with its old content, for the cases that started on it', async () => {
    const old = (await call(admin, 'GET', `/versions/${v1}`)).json();
    expect(old).toMatchObject({ status: 'retired', versionNo: 1, config: expect.objectContaining({ promisedLimitDays: 10 }) });
    expect(old.config.materials.map((m: { code: string }) => m.code)).toContain('PHOTO');
    const fromApi = await api().getVersion(v1);
    expect(fromApi.config.promisedLimitDays).toBe(10);
    expect((await api().deriveChecklist(v1, { reason: 'spouse' })).materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'FORM', 'PHOTO', 'MARRIAGE']);
    expect((await api().deriveChecklist(v2, { reason: 'spouse' })).materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'FORM', 'DIPLOMA', 'MARRIAGE']);
    expect((await api().getPublishedVersion('TEST-MOVE')).id).toBe(v2);
    const publicChecklist = await p.app.inject({ method: 'POST', url: '/api/matters/TEST-MOVE/checklist', payload: { answers: { reason: 'spouse' } } });
    expect(publicChecklist.json()).toMatchObject({ versionNo: 2 });
  });

  it('lists the changed fields between two versions', async () => {
    const diff = (await call(admin, 'GET', `/versions/diff?from=${v1}&to=${v2}`)).json();
    expect(diff.changes.map((c: { kind: string; path: string }) => `${c.kind} ${c.path}`)).toEqual([
      'changed promisedLimitDays',
      'removed materials[PHOTO]',
      'changed situations[reason].options[spouse].effects.addMaterials',
      'changed situations[reason].options[spouse].effects.addSections',
      'changed situations[reason].options[spouse].effects.removeSections',
    ]);
  });

  it('the database itself refuses to change a published version or delete any version', async () => {
    await expect(p.database.db.execute(sql`update matter_version set promised_limit_days = 1 where id = ${v2}`)).rejects.toThrow();
    await expect(p.database.db.execute(sql`delete from matter_version where id = ${v1}`)).rejects.toThrow();
  });

  it('retiring takes the matter off the public catalogue; the version stays readable', async () => {
    const retired = await call(reviewer, 'POST', `/versions/${v2}/retire`);
    expect(retired.json().status).toBe('retired');
    expect((await p.app.inject({ url: '/api/matters/TEST-MOVE' })).statusCode).toBe(404);
    expect((await api().getVersion(v2)).status).toBe('retired');
    const again = await call(reviewer, 'POST', `/versions/${v2}/retire`);
    expect(again.json().code).toBe('MATTER_INVALID_TRANSITION');
  });

  it('the workbench list searches and filters by status, police type and handling mode', async () => {
    const list = (url: string) => call(admin, 'GET', `/matters${url}`).then((r) => r.json());
    expect((await list('?keyword=TEST-MOVE&status=retired')).items.map((m: { code: string }) => m.code)).toEqual(['TEST-MOVE']);
    expect((await list('?keyword=TEST-MOVE&status=published')).total).toBe(0);
    const drafts = await list('?status=draft');
    expect(drafts.items.every((m: { latestVersion: { status: string } }) => m.latestVersion.status === 'draft')).toBe(true);
    const collect = await list('?handlingMode=collect&policeType=neibao');
    expect(collect.items.map((m: { name: string }) => m.name)).toEqual(['金融机构营业场所和金库安全防范设施建设方案审批', '金融机构营业场所和金库安全防范设施建设工程验收']);
    const forbidden = await p.app.inject({ url: '/api/admin/matter/matters', headers: p.as(await p.login('xinjiekou')) });
    expect(forbidden.statusCode).toBe(403);
  });

  it('two reviewers publishing the same version at once: one succeeds, the other gets a clear state error', async () => {
    const created = (await call(admin, 'POST', '/matters', { code: 'TEST-RACE', config: twoSituationInput({ name: '并发测试事项' }) })).json();
    const id = created.versions[0].id;
    await call(admin, 'POST', `/versions/${id}/submit`);
    const both = await Promise.all([call(reviewer, 'POST', `/versions/${id}/publish`), call(reviewer, 'POST', `/versions/${id}/publish`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    expect(both.find((r) => r.statusCode === 422)!.json().code).toBe('MATTER_INVALID_TRANSITION');
    const drafts = await Promise.all([call(admin, 'POST', `/matters/${created.id}/versions`, {}), call(admin, 'POST', `/matters/${created.id}/versions`, {})]);
    expect(drafts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('refuses inconsistent configuration and records every state change in the audit trail', async () => {
    const bad = twoSituationInput({ promisedLimitDays: 40 });
    bad.situations![0].options[1].effects = { addMaterials: ['NOPE'] };
    const res = await call(admin, 'POST', '/matters', { code: 'TEST-BAD', config: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MATTER_CONFIG_INVALID');
    expect(res.json().details.problems.map((x: { path: string }) => x.path)).toEqual(['promisedLimitDays', 'situations[reason].options[spouse].effects']);
    const dup = await call(admin, 'POST', '/matters', { code: 'TEST-MOVE', config: twoSituationInput() });
    expect(dup.json().code).toBe('MATTER_CODE_TAKEN');
    const logs = (await p.app.inject({ url: '/api/admin/audit/logs?action=matter.&pageSize=50', headers: p.as(admin) })).json();
    const actions = logs.items.map((l: { action: string }) => l.action);
    for (const a of ['matter.standard.create', 'matter.version.create', 'matter.version.update', 'matter.version.submit',
      'matter.version.return', 'matter.version.publish', 'matter.version.retire']) expect(actions).toContain(a);
  });
});
