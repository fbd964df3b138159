import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberProblem, sexOfId } from '@jsga/form-engine';
import { createAudit } from '@jsga/kernel';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import type { IdentityApi } from '../../../centres/identity';
import { createIdSegmentService } from '../segment/id-segment.service';
import { pdfPageTexts } from '../../../centres/print/testing/pdf-inspect';

// 人口信息: the demo registry through the API, in each officer's data scope; 号段 and allocation.
let p: TestPlatform;
let station: string; // 新街口派出所 window officer: own station only
let branch: string; // 玄武分局 approver: the district
let admin: string;
const hukou = apiCaller(() => p, '/api/admin/hukou');
type Summary = { id: string; idNoMasked: string; stationName: string; householdId: string; relationToHead: string | null; sex: string; status: string };

beforeAll(async () => {
  p = await createTestPlatform();
  [station, branch, admin] = await Promise.all([p.login('xinjiekou'), p.login('xuanwu'), p.login('admin')]);
});
afterAll(() => p.close());

describe('人口信息查询', () => {
  it('a station officer sees only the persons of the station, with masked ID numbers', async () => {
    const res = await hukou(station, 'GET', '/persons?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as { items: Summary[]; total: number };
    expect(total).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.stationName))).toEqual(new Set(['新街口派出所']));
    expect(items.every((i) => /^\d{6}\*{8}[\dX]{4}$/.test(i.idNoMasked))).toBe(true);
    // the district sees more than one station
    const district = (await hukou(branch, 'GET', '/persons?pageSize=200')).json() as { items: Summary[]; total: number };
    expect(district.total).toBeGreaterThan(total);
    expect(new Set(district.items.map((i) => i.stationName)).size).toBeGreaterThan(1);
    // a person of another station is not found for the station officer
    const elsewhere = district.items.find((i) => i.stationName !== '新街口派出所')!;
    expect((await hukou(station, 'GET', `/persons/${elsewhere.id}`)).json()).toMatchObject({ code: 'HUKOU_PERSON_NOT_FOUND' });
    expect((await hukou(station, 'GET', '/persons?status=nonsense')).json()).toMatchObject({ code: 'COMMON_VALIDATION_FAILED' });
  });

  it('a person\'s 常住人口登记表 shows the full number consistent with sex and birth date, the trajectory, and the opening is audited', async () => {
    const [first] = ((await hukou(station, 'GET', '/persons')).json() as { items: Summary[] }).items;
    const res = await hukou(station, 'GET', `/persons/${first.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const person = res.json();
    expect(idNumberProblem(person.idNo)).toBeNull();
    expect(sexOfId(person.idNo)).toBe(person.sex === '1' ? '男' : '女');
    expect(person.idNo.slice(6, 14)).toBe(person.birthDate.replaceAll('-', ''));
    expect(person.changes).toEqual([expect.objectContaining({ kind: 'registered' })]);
    const logs = await p.app.inject({ method: 'GET', url: '/api/admin/audit/logs?action=hukou.person.view', headers: p.as(await p.login('auditor')) });
    expect(logs.json().items[0]).toMatchObject({ username: 'xinjiekou', targetIds: [first.id] });
    // exact search by the full number finds the person
    expect((await hukou(station, 'GET', `/persons?idNo=${person.idNo}`)).json().items.map((i: Summary) => i.id)).toContain(first.id);
  });

  it('常住人口登记表 prints as PDF with the full record and trajectory, and each print is counted', async () => {
    const [first] = ((await hukou(station, 'GET', '/persons')).json() as { items: Summary[] }).items;
    const print = () => p.app.inject({ url: `/api/admin/hukou/persons/${first.id}/register.pdf`, headers: p.as(station) });
    const one = await print();
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.headers['x-print-copy']).toBe('1');
    const two = await print();
    expect(two.headers['x-print-copy']).toBe('2');
    const person = (await hukou(station, 'GET', `/persons/${first.id}`)).json();
    const text = (await pdfPageTexts(new Uint8Array(two.rawPayload))).join('');
    expect(text).toContain('常住人口登记表');
    expect(text).toContain(person.idNo);
    expect(text.replace(/\s/g, '')).toContain('第2次打印');
    expect(text).toContain('户口登记');
    const logs = await p.app.inject({ url: '/api/admin/audit/logs?action=hukou.person.print_register', headers: p.as(await p.login('auditor')) });
    expect(logs.json().items.map((l: { detail: { copyNo: number } }) => l.detail.copyNo)).toEqual([2, 1]);
    // not outside the officer's scope
    const elsewhere = ((await hukou(branch, 'GET', '/persons?pageSize=200')).json() as { items: Summary[] }).items.find((i) => i.stationName !== '新街口派出所')!;
    expect((await p.app.inject({ url: `/api/admin/hukou/persons/${elsewhere.id}/register.pdf`, headers: p.as(station) })).statusCode).toBe(404);
  });

  it('a household lists its members with one 户主 for a 家庭户', async () => {
    const items = ((await hukou(branch, 'GET', '/persons?pageSize=200')).json() as { items: Summary[] }).items;
    const head = items.find((i) => i.relationToHead === '02')!;
    const h = (await hukou(branch, 'GET', `/households/${head.householdId}`)).json();
    expect(h.type).toBe('family');
    expect(h.members.filter((m: Summary) => m.relationToHead === '02')).toHaveLength(1);
    expect(h.headName).toBeTruthy();
    expect(h.members.map((m: Summary) => m.id)).toContain(head.id);
  });

  it('重号管理 lists the number two registered persons share', async () => {
    const groups = (await hukou(admin, 'GET', '/duplicates')).json().items;
    expect(groups).toHaveLength(1);
    expect(groups[0].persons).toHaveLength(2);
    expect(new Set(groups[0].persons.map((x: Summary) => x.idNoMasked)).size).toBe(1);
    expect(new Set(groups[0].persons.map((x: Summary) => x.householdId)).size).toBe(2);
  });

  it('人口统计 adds up: by sex and by age band both sum to the total', async () => {
    const res = await hukou(branch, 'GET', '/stats');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const sum = (rows: Array<{ count: number }>) => rows.reduce((a, r) => a + r.count, 0);
    expect(s.total).toBeGreaterThan(0);
    expect(sum(s.bySex)).toBe(s.total);
    expect(sum(s.byAgeBand)).toBe(s.total);
    expect(sum(s.byEthnicity)).toBe(s.total);
    expect(s.byAgeBand.map((b: { key: string }) => b.key)).toEqual(expect.arrayContaining(['0-17', '18-34', '35-59']));
  });
});

describe('号段 and 公民身份号码 allocation', () => {
  it('号段 of 玄武区 cover 001–999 without overlap; an overlapping one is refused with the other station named', async () => {
    const segs = (await hukou(branch, 'GET', '/id-segments?addressCode=320102')).json().items as Array<{ seqFrom: number; seqTo: number; stationName: string; stationOrgId: string; allocated: number }>;
    expect(segs.length).toBeGreaterThan(1);
    const sorted = [...segs].sort((a, b) => a.seqFrom - b.seqFrom);
    expect(sorted[0].seqFrom).toBe(1);
    expect(sorted.at(-1)!.seqTo).toBe(999);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].seqFrom).toBe(sorted[i - 1].seqTo + 1);
    expect(segs.reduce((a, s) => a + s.allocated, 0)).toBeGreaterThan(0);
    const other = sorted[1];
    const res = await hukou(branch, 'POST', '/id-segments', { addressCode: '320102', stationOrgId: sorted[0].stationOrgId, seqFrom: other.seqFrom, seqTo: other.seqFrom + 5 });
    expect(res.json()).toMatchObject({ code: 'HUKOU_SEGMENT_INVALID' });
    expect(res.json().message).toContain(`与${other.stationName}的号段`);
    expect((await hukou(station, 'GET', '/id-segments')).statusCode).toBe(403);
  });

  it('concurrent registrations in one 派出所 get distinct valid numbers of the right parity from its 号段', async () => {
    const identity = p.modules.get('identity')!.api as IdentityApi;
    const service = createIdSegmentService({ db: p.database.db, audit: createAudit({ db: p.database.db }), identity });
    const segs = (await hukou(branch, 'GET', '/id-segments?addressCode=320102')).json().items as Array<{ seqFrom: number; seqTo: number; stationName: string; stationOrgId: string }>;
    const xjk = segs.find((s) => s.stationName === '新街口派出所')!;
    const birthDate = '2026-01-15';
    const numbers = await Promise.all(Array.from({ length: 12 }, (_, i) => p.database.db.transaction((tx) =>
      service.allocate(tx, { stationOrgId: xjk.stationOrgId, addressCode: '320102', birthDate, sex: i % 2 ? '1' : '2', personId: null }))));
    expect(new Set(numbers).size).toBe(12);
    for (const [i, n] of numbers.entries()) {
      expect(idNumberProblem(n)).toBeNull();
      expect(n.slice(0, 14)).toBe('32010220260115');
      expect(sexOfId(n)).toBe(i % 2 ? '男' : '女');
      const seq = Number(n.slice(14, 17));
      expect(seq).toBeGreaterThanOrEqual(xjk.seqFrom);
      expect(seq).toBeLessThanOrEqual(xjk.seqTo);
    }
  });
});
