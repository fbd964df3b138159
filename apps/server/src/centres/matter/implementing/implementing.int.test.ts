import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellKnownMatterCodes } from '@jsga/contracts';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { MatterApi } from '../index';
import { loginWithRole, orgIdByCode } from '../testing/matter-test-users';

let p: TestPlatform;
let admin: string;
let station: string; // 新街口派出所 editor, data scope 本单位
let xinjiekou: string;
let fuzimiao: string;
let hukouId: string;
let implId: string;
let draftId: string;

const call = apiCaller(() => p, '/api/admin/matter');
const api = () => p.modules.get('matter')!.api as MatterApi;

beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
  station = await loginWithRole(p, admin, { username: 'xjk_fujing', roleCode: 'matter_station_editor', dataScope: 'org',
    permissions: ['matter:catalogue:view', 'matter:catalogue:edit', 'matter:catalogue:publish'] });
  xinjiekou = await orgIdByCode(p, admin, '320102510100');
  fuzimiao = await orgIdByCode(p, admin, '320104510100');
  hukouId = (await call(admin, 'GET', `/matters?keyword=${wellKnownMatterCodes.hukouMigration}`)).json().items[0].id;
});
afterAll(() => p.close());

describe('implementing matters (实施事项)', () => {
  it('a 派出所 editor creates one for its own station, starting from the published standard version', async () => {
    const res = await call(station, 'POST', `/matters/${hukouId}/implementing`, { orgId: xinjiekou });
    expect(res.statusCode).toBe(200);
    implId = res.json().id;
    draftId = res.json().versions[0].id;
    expect(res.json()).toMatchObject({ orgId: xinjiekou, matterCode: 'JS-Z001', versions: [expect.objectContaining({ versionNo: 1, status: 'draft' })] });
    const draft = (await call(station, 'GET', `/versions/${draftId}`)).json();
    expect(draft).toMatchObject({ implementingId: implId, orgId: xinjiekou, config: expect.objectContaining({ name: '户口迁移审批', promisedLimitDays: 5 }) });
    const again = await call(station, 'POST', `/matters/${hukouId}/implementing`, { orgId: xinjiekou });
    expect(again.json().code).toBe('MATTER_IMPLEMENTING_EXISTS');
  });

  it('cannot create one for another station (404), nor see another station\'s', async () => {
    const res = await call(station, 'POST', `/matters/${hukouId}/implementing`, { orgId: fuzimiao });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('MATTER_ORG_NOT_IN_SCOPE');
    const theirs = (await call(admin, 'POST', `/matters/${hukouId}/implementing`, { orgId: fuzimiao })).json();
    expect((await call(station, 'GET', `/implementing/${theirs.id}`)).statusCode).toBe(404);
    expect((await call(station, 'GET', `/versions/${theirs.versions[0].id}`)).statusCode).toBe(404);
    const mine = (await call(station, 'GET', '/implementing')).json();
    expect(mine.items.map((i: { orgId: string }) => i.orgId)).toEqual([xinjiekou]);
    const detail = (await call(station, 'GET', `/matters/${hukouId}`)).json();
    expect(detail.implementing.map((i: { orgId: string }) => i.orgId)).toEqual([xinjiekou]);
    expect((await call(admin, 'GET', `/matters/${hukouId}`)).json().implementing).toHaveLength(2);
  });

  it('may not change the standard matter itself', async () => {
    const res = await call(station, 'POST', `/matters/${hukouId}/versions`, {});
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('MATTER_PROVINCE_ONLY');
  });

  it('refuses a local version that drops a required material or lengthens the time limits', async () => {
    const draft = (await call(station, 'GET', `/versions/${draftId}`)).json();
    const config = { ...draft.config, statutoryLimitDays: 30, promisedLimitDays: 8,
      materials: draft.config.materials.filter((m: { code: string }) => m.code !== 'APPLICATION_FORM') };
    const res = await call(station, 'PUT', `/versions/${draftId}`, { config });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('MATTER_NARROWING_VIOLATION');
    expect(res.json().details.violations.map((v: { path: string }) => v.path))
      .toEqual(['statutoryLimitDays', 'promisedLimitDays', 'materials[APPLICATION_FORM]']);
  });

  it('narrows it (shorter promise, no photo, its own place), has it published by someone else, and cases at that station get it', async () => {
    const draft = (await call(station, 'GET', `/versions/${draftId}`)).json();
    const config = { ...draft.config, promisedLimitDays: 3, channels: ['window'],
      materials: draft.config.materials.filter((m: { code: string }) => m.code !== 'PHOTO'),
      guide: { ...draft.config.guide, place: '玄武区新街口派出所户籍窗口（中山路100号）' } };
    expect((await call(station, 'PUT', `/versions/${draftId}`, { config })).statusCode).toBe(200);
    expect((await call(station, 'POST', `/versions/${draftId}/submit`)).json().status).toBe('in_review');
    expect((await call(station, 'POST', `/versions/${draftId}/publish`)).json().code).toBe('MATTER_FOUR_EYES');
    expect((await call(admin, 'POST', `/versions/${draftId}/publish`)).json().status).toBe('published');

    const local = await api().getPublishedVersion('JS-Z001', { orgId: xinjiekou });
    expect(local).toMatchObject({ id: draftId, implementingId: implId, config: expect.objectContaining({ promisedLimitDays: 3 }) });
    const elsewhere = await api().getPublishedVersion('JS-Z001', { orgId: fuzimiao }); // theirs is still a draft
    expect(elsewhere).toMatchObject({ implementingId: null, config: expect.objectContaining({ promisedLimitDays: 5 }) });
    const checklist = await api().deriveChecklist(draftId, { reason: 'college', college_direction: 'enrol', scope: 'in_province' });
    expect(checklist.materials.map((m) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'APPLICATION_FORM', 'ADMISSION_NOTICE']);
    // The public catalogue shows the province's standard matter.
    expect((await p.app.inject({ url: '/api/matters/JS-Z001' })).json().promisedLimitDays).toBe(5);
  });

  it('a station editor\'s next draft copies its own latest version; diff against the standard shows the local changes', async () => {
    const next = await call(station, 'POST', `/implementing/${implId}/versions`, {});
    expect(next.json()).toMatchObject({ versionNo: 2, status: 'draft', sourceVersionId: draftId });
    const standard = (await call(admin, 'GET', `/matters/${hukouId}`)).json().publishedVersionId;
    const diff = (await call(station, 'GET', `/versions/diff?from=${standard}&to=${draftId}`)).json();
    expect(diff.changes.map((c: { path: string }) => c.path)).toEqual([
      'channels', 'isOnline', 'promisedLimitDays', 'materials[PHOTO]', 'guide.place',
    ]);
  });
});
