import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wellKnownMatterCodes } from '@jsga/contracts';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { twoSituationInput } from '../testing/matter-config.fixture';

let p: TestPlatform;
let admin: string;
const q = (s: string) => encodeURIComponent(s);
beforeAll(async () => {
  p = await createTestPlatform();
  admin = await p.login('admin');
});
afterAll(() => p.close());

describe('public matter catalogue (no login)', () => {
  it('finds 户口迁移审批 by a partial keyword, and by part of its code', async () => {
    const res = await p.app.inject({ url: `/api/matters?keyword=${q('户口迁移')}` });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((m: { name: string }) => m.name);
    expect(names).toContain('户口迁移审批');
    expect(names.every((n: string) => n.includes('户口迁移'))).toBe(true);
    expect(res.json().total).toBe(names.length);
    const byCode = (await p.app.inject({ url: '/api/matters?keyword=z001' })).json();
    expect(byCode.items.map((m: { code: string }) => m.code)).toEqual([wellKnownMatterCodes.hukouMigration]);
  });

  it('filters by police type, zone and channel, and pages', async () => {
    const exit = (await p.app.inject({ url: '/api/matters?policeType=churujing&pageSize=100' })).json();
    expect(exit.total).toBeGreaterThan(10);
    expect(exit.items.every((m: { policeType: string }) => m.policeType === 'churujing')).toBe(true);
    const delta = (await p.app.inject({ url: '/api/matters?zone=yangtze_delta' })).json();
    expect(delta.items.map((m: { name: string }) => m.name)).toContain('国内户口迁移（含大学生）');
    expect(delta.items.every((m: { zones: string[] }) => m.zones.includes('yangtze_delta'))).toBe(true);
    const mobileTraffic = (await p.app.inject({ url: '/api/matters?channel=mobile&policeType=jiaoguan&pageSize=100' })).json();
    expect(mobileTraffic.items.map((m: { name: string }) => m.name)).toContain('驾驶证补证、换证');
    const page2 = (await p.app.inject({ url: '/api/matters?pageSize=5&page=2' })).json();
    expect(page2.items).toHaveLength(5);
    expect((await p.app.inject({ url: '/api/matters?zone=mars' })).statusCode).toBe(400);
  });

  it('does not show a matter that is only a draft', async () => {
    const created = await p.app.inject({ method: 'POST', url: '/api/admin/matter/matters', headers: p.as(admin),
      payload: { code: 'TEST-DRAFT', config: twoSituationInput({ name: '尚未发布的测试事项' }) } });
    expect(created.statusCode).toBe(200);
    expect((await p.app.inject({ url: `/api/matters?keyword=${q('尚未发布')}` })).json()).toEqual({ items: [], total: 0 });
    const guide = await p.app.inject({ url: '/api/matters/TEST-DRAFT' });
    expect(guide.statusCode).toBe(404);
    expect(guide.json()).toMatchObject({ code: 'MATTER_NOT_FOUND', message: '事项不存在或未发布' });
  });

  it('shows the guide: materials, situation tree, conditions, fees, time limits and place, without internal bindings', async () => {
    const g = (await p.app.inject({ url: `/api/matters/${wellKnownMatterCodes.idCardApplication}` })).json();
    expect(g).toMatchObject({ name: '居民身份证（含临时居民身份证）业务', feeFen: 2000, statutoryLimitDays: 60, promisedLimitDays: 15, versionNo: 1 });
    expect(g.conditions).toContain('十六周岁');
    expect(g.legalBasis).toContain('居民身份证法');
    expect(g.materials.find((m: { code: string }) => m.code === 'HUKOU_BOOK')).toMatchObject({ source: 'elicense', elicenseType: 'household_register' });
    expect(g.situations.map((s: { key: string }) => s.key)).toEqual(['apply_type', 'minor']);
    expect(g.guide.place).toBeTruthy();
    expect(g).not.toHaveProperty('bindings');
  });
});

describe('personalised checklist (一单告知)', () => {
  const checklist = (code: string, answers: unknown) =>
    p.app.inject({ method: 'POST', url: `/api/matters/${code}/checklist`, payload: { answers } });

  it('a college student enrolling needs the admission notice and goes to the enrolment process', async () => {
    const res = await checklist(wellKnownMatterCodes.hukouMigration, { reason: 'college', college_direction: 'enrol', scope: 'in_province' });
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.materials.map((m: { code: string }) => m.code)).toEqual(['ID_CARD', 'HUKOU_BOOK', 'APPLICATION_FORM', 'PHOTO', 'ADMISSION_NOTICE']);
    expect(c).toMatchObject({ matterCode: 'JS-Z001', versionNo: 1, processKey: 'hukou_college_enrol', sections: ['applicant', 'migration', 'school'] });
    // each rule told on its own, the registry's among them
    expect(c.eligibilityRules).toEqual([
      expect.objectContaining({ expression: 'startsWith(form.schoolRegionCode, "32")', message: '录取院校须在江苏省内' }),
      expect.objectContaining({ expression: 'facts.hukou.inStudentCollective != true', message: '申请人户口已在学校学生集体户，不能重复办理录取迁入' }),
    ]);
  });

  it('a graduate moving from another province swaps the household register for the diploma (容缺 allowed)', async () => {
    const c = (await checklist(wellKnownMatterCodes.hukouMigration, { reason: 'college', college_direction: 'graduate', scope: 'cross_province' })).json();
    expect(c.materials.map((m: { code: string }) => m.code)).toEqual(['ID_CARD', 'APPLICATION_FORM', 'PHOTO', 'DIPLOMA', 'EMPLOYMENT_PROOF']);
    expect(c.materials.find((m: { code: string }) => m.code === 'DIPLOMA').allowTolerance).toBe(true);
    expect(c.sections).toEqual(['applicant', 'migration', 'school', 'origin']);
    expect(c.processKey).toBe('hukou_college_graduate');
  });

  it('refuses answers the tree does not allow with a stable code and Chinese messages', async () => {
    const res = await checklist(wellKnownMatterCodes.hukouMigration, { reason: 'spouse', college_direction: 'enrol', colour: 'red' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ code: 'MATTER_SITUATION_ANSWER_INVALID', message: '情形选择不完整或不正确，请按提示重新选择' });
    expect(body.details.problems.map((x: { reason: string; questionKey: string }) => `${x.reason}:${x.questionKey}`).sort())
      .toEqual(['missing:scope', 'not_applicable:college_direction', 'unknown_question:colour']);
    expect(body.details.problems.find((x: { reason: string }) => x.reason === 'missing').message).toBe('请回答“迁移范围”');
    const wrongShape = await checklist(wellKnownMatterCodes.hukouMigration, { reason: 7 });
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().code).toBe('COMMON_VALIDATION_FAILED');
    expect((await checklist('JS-NOPE', {})).statusCode).toBe(404);
  });
});
