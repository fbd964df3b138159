import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineApplicant } from '../../../testing/online-application';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

// 预归档: a concluded case becomes 待归档 for the archivist of its area; rules per matter with defaults.
let p: TestPlatform;
let citizen: string;
let window1: string; // 新街口派出所 (玄武)
let approver: string; // 玄武分局
let archivist: string; // 玄武分局 档案管理员
let other: string; // 夫子庙派出所 (秦淮): another area
let stationId: string;
const officer = apiCaller(() => p, '/api/admin/case');
const archive = apiCaller(() => p, '/api/admin/archive');
const { me, submitted } = onlineApplicant(() => p);

async function concluded(outcome: 'approve' | 'reject') {
  const caseId = await submitted(citizen, stationId);
  const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
  expect((await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept', taskId: c.openTasks[0].id })).statusCode).toBe(200);
  const step = async (token: string, body: object) => {
    const task = (await officer(token, 'GET', `/cases/${caseId}`)).json().openTasks[0];
    const res = await officer(token, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: task.id, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  let done = await step(approver, { outcome, opinion: outcome === 'approve' ? '同意' : '不符合补证条件' });
  if (done.json().status !== 'concluded') done = await step(window1, { outcome: 'approve', opinion: '已寄出' }); // 送达 at the station
  expect(done.json().status).toBe('concluded');
  await p.events.dispatch();
  return { caseId, caseNo: done.json().caseNo as string };
}

beforeAll(async () => {
  p = await createTestPlatform();
  [citizen, window1, approver, archivist, other] = await Promise.all([p.loginCitizen(), p.login('xinjiekou'), p.login('xuanwu'), p.login('xw_dangan'), p.login('fuzimiao')]);
  stationId = (await me(citizen, 'GET', '/service-points?keyword=新街口')).json().items[0].id;
});
afterAll(() => p.close());

describe('预归档', () => {
  it('a concluded case, approved or not, appears once in 待归档 of its area with the retention of its rule', async () => {
    const a = await concluded('approve');
    const b = await concluded('reject');
    await p.events.dispatch();
    const pending = (await archive(archivist, 'GET', '/records?status=pending')).json();
    const mine = pending.items.filter((r: { caseId: string }) => r.caseId === a.caseId || r.caseId === b.caseId);
    expect(mine).toHaveLength(2);
    expect(mine.find((r: { caseId: string }) => r.caseId === a.caseId)).toMatchObject({ caseNo: a.caseNo, status: 'pending', result: 'approved', retention: 'D30', orgName: '新街口派出所', archivalCode: null });
    expect(mine.find((r: { caseId: string }) => r.caseId === b.caseId)).toMatchObject({ result: 'disapproved' });
    // outside the area, and without the permission, nothing
    expect((await archive(other, 'GET', '/records')).statusCode).toBe(403);
    const detail = await archive(archivist, 'GET', `/records/${mine[0].id}`);
    expect(detail.json()).toMatchObject({ checks: [], packageName: null });
  });

  it('rules fall back to the national default of the 事项类型, and a saved rule applies to later cases', async () => {
    const matter = (await archive(archivist, 'GET', '/records?status=pending')).json().items[0].matterCode;
    const rule = (await archive(archivist, 'GET', `/rules/${matter}`)).json();
    expect(rule).toMatchObject({ source: 'national_default', retention: 'D30', revision: 0 });
    expect(rule.catalogue.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['申请表', '居民身份证', '办理过程记录', '结果文书']));

    const bad = await archive(archivist, 'PUT', `/rules/${matter}`, { ...rule, catalogue: [...rule.catalogue, { kind: 'material', materialCode: 'NOPE', name: '不存在的材料', folder: 'application', required: true }] });
    expect(bad.json()).toMatchObject({ code: 'ARCHIVE_CATALOGUE_INVALID', message: '归档材料目录中的材料不在本事项的材料清单内：不存在的材料' });
    const saved = await archive(archivist, 'PUT', `/rules/${matter}`, { retention: 'Y', openness: 'closed', securityLevel: 'none', scope: 'approved_only', catalogue: rule.catalogue });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'matter', retention: 'Y', scope: 'approved_only', revision: 0 });
    expect((await archive(archivist, 'PUT', `/rules/${matter}`, { ...(saved.json() as object), expectedRevision: 5 })).json()).toMatchObject({ code: 'ARCHIVE_STALE' });

    const approved = await concluded('approve');
    const refused = await concluded('reject');
    const items = (await archive(archivist, 'GET', '/records?pageSize=100')).json().items;
    expect(items.find((r: { caseId: string }) => r.caseId === approved.caseId)).toMatchObject({ retention: 'Y' });
    expect(items.find((r: { caseId: string }) => r.caseId === refused.caseId)).toBeUndefined();
  });

  it('事项类型 defaults: listed for all eleven types, saved without materials, and followed again after 恢复默认', async () => {
    const [record] = (await archive(archivist, 'GET', '/records?status=pending')).json().items;
    const overview = (await archive(archivist, 'GET', `/rules?keyword=${record.matterCode}`)).json();
    expect(overview.types).toHaveLength(11);
    expect(overview.types.find((t: { typeName: string }) => t.typeName === '行政裁决')).toMatchObject({ source: 'national_default', retention: 'Y', nationalCode: '09' });
    expect(overview.items).toEqual([expect.objectContaining({ matterCode: record.matterCode, matterName: record.matterName, source: 'matter', retention: 'Y' })]);
    const type = overview.items[0].matterType as string;
    const national = overview.types.find((t: { matterType: string }) => t.matterType === type);

    const generic = national.catalogue;
    const withMaterial = await archive(archivist, 'PUT', `/rules/types/${type}`, { retention: 'D10', catalogue: [...generic, { kind: 'material', materialCode: 'ID_CARD', name: '居民身份证', folder: 'application', required: true }] });
    expect(withMaterial.json()).toMatchObject({ code: 'ARCHIVE_CATALOGUE_INVALID' });
    expect((await archive(window1, 'PUT', `/rules/types/${type}`, { retention: 'D10', catalogue: generic })).statusCode).toBe(403);
    const saved = await archive(archivist, 'PUT', `/rules/types/${type}`, { retention: 'D10', catalogue: generic });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ source: 'type_default', retention: 'D10', revision: 0 });
    // the matter keeps its own rule until it is reset
    expect((await archive(archivist, 'GET', `/rules/${record.matterCode}`)).json()).toMatchObject({ source: 'matter', retention: 'Y' });
    expect((await archive(window1, 'DELETE', `/rules/${record.matterCode}`)).statusCode).toBe(403);
    const reset = (await archive(archivist, 'DELETE', `/rules/${record.matterCode}`)).json();
    expect(reset).toMatchObject({ source: 'type_default', retention: 'D10', matterName: record.matterName });
    // the type default's catalogue gets the matter's own materials back
    expect(reset.catalogue.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(reset.materials.map((m: { name: string }) => m.name)));
    expect((await archive(archivist, 'GET', `/rules?keyword=${record.matterCode}`)).json().items[0]).toMatchObject({ source: 'type_default', retention: 'D10' });
    const trail = await p.app.inject({ method: 'GET', url: '/api/admin/audit/logs?action=archive.rule', headers: p.as(await p.login('auditor')) });
    expect(trail.json().items.map((r: { action: string; targetIds: string[] }) => `${r.action} ${r.targetIds[0]}`))
      .toEqual([`archive.rule.reset ${record.matterCode}`, `archive.rule.save ${type}`, `archive.rule.save ${record.matterCode}`]);
  });

  it('the lists filter by matter and year', async () => {
    const [record] = (await archive(archivist, 'GET', '/records?status=pending')).json().items;
    expect((await archive(archivist, 'GET', `/records?matterCode=${record.matterCode}&year=${record.year}`)).json().total).toBeGreaterThan(0);
    expect((await archive(archivist, 'GET', `/records?matterCode=${record.matterCode}&year=${record.year - 1}`)).json().total).toBe(0);
    expect((await archive(archivist, 'GET', '/records?matterCode=NO_SUCH_MATTER')).json().total).toBe(0);
    expect((await archive(archivist, 'GET', '/records?year=1999')).json()).toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
    const facets = (await archive(archivist, 'GET', `/records/facets?year=${record.year}`)).json();
    expect(facets).toEqual({ orgs: [{ id: record.orgId, name: '新街口派出所' }], matters: [{ code: record.matterCode, name: record.matterName }], years: [record.year] });
    expect((await archive(archivist, 'GET', `/records/facets?year=${record.year - 1}`)).json()).toMatchObject({ orgs: [], matters: [], years: [record.year] });
  });

  it('统计 counts due, archived and the rate per org', async () => {
    const stats = (await archive(archivist, 'GET', '/stats?by=org')).json();
    expect(stats.items).toEqual([expect.objectContaining({ name: '新街口派出所', total: 3, archived: 0, pending: 3, rate: 0 })]);
  });
});
