import { wellKnownMatterCodes, type MatterConfig } from '@jsga/contracts';
import { chinaDate } from '@jsga/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { collegeStudent, hukouCollegeEnrolSample, idCardHolder, idCardRenewSample } from '../../form/testing/featured-form-samples';
import type { MatterApi } from '../../matter';
import { featuredProcesses } from '../../workflow/testing/featured-processes.fixture';

// The platform seeds reference data on start (as `npm start` does): the featured matters, their
// forms and their processes. These cases use nothing else.
let p: TestPlatform;
let admin: string;
let window1: string; // 新街口派出所 受理岗
let approver: string; // 玄武分局 审批
const today = () => chinaDate(new Date());
const caseCall = apiCaller(() => p, '/api/admin/case');
const adminCall = apiCaller(() => p, '/api/admin');
const matterApi = () => p.modules.get('matter')!.api as MatterApi;
const featuredCodes = Object.values(wellKnownMatterCodes);

type Task = { id: string; nodeName: string; formAccess: Record<string, string> | null };
const openTasks = async (token: string, id: string): Promise<Task[]> => (await caseCall(token, 'GET', `/cases/${id}`)).json().openTasks;

/** key → "version:status" of every form and process definition, to show a second seeding changes nothing. */
async function definitionsSnapshot() {
  const forms = (await adminCall(admin, 'GET', '/form/definitions?pageSize=200')).json();
  const processes = (await adminCall(admin, 'GET', '/workflow/definitions?pageSize=200')).json();
  return {
    forms: forms.items.map((f: { key: string; version: number; status: string }) => `${f.key}:${f.version}:${f.status}`).sort(),
    processes: processes.items.map((d: { key: string; version: number; status: string }) => `${d.key}:${d.version}:${d.status}`).sort(),
  };
}

/** Every section key and process key a matter's bindings and situations name. */
function namedByMatter(config: MatterConfig) {
  const sections = new Set(config.bindings.sections);
  const processKeys = new Set(config.bindings.processKey ? [config.bindings.processKey] : []);
  const visit = (questions: MatterConfig['situations']) => {
    for (const q of questions) {
      for (const o of q.options) {
        o.effects.addSections.forEach((s) => sections.add(s));
        if (o.effects.processKey) processKeys.add(o.effects.processKey);
        visit(o.children ?? []);
      }
    }
  };
  visit(config.situations);
  return { sections, processKeys };
}

beforeAll(async () => {
  p = await createTestPlatform();
  [admin, window1, approver] = await Promise.all([p.login('admin'), p.login('xinjiekou'), p.login('xuanwu')]);
});
afterAll(() => p.close());

describe('featured matters have their forms and processes seeded', () => {
  it('every form a featured matter binds is published and has every section its bindings and situations name', async () => {
    for (const code of featuredCodes) {
      const { config } = await matterApi().getPublishedVersion(code);
      const { sections } = namedByMatter(config);
      expect(config.bindings.formKeys.length, code).toBeGreaterThan(0);
      for (const key of config.bindings.formKeys) {
        const form = await p.app.inject({ url: `/api/forms/${key}` });
        expect(form.statusCode, `${code} ${key}`).toBe(200);
        expect(form.json()).toMatchObject({ version: 1, status: 'published' });
        const formSections = form.json().definition.sections.map((s: { key: string }) => s.key);
        expect(formSections, `${code} ${key}`).toEqual(expect.arrayContaining([...sections]));
      }
    }
  });

  it('every process a featured matter or one of its situations routes to is published, and was written for the matter\'s form', async () => {
    const { processes } = await definitionsSnapshot();
    for (const code of featuredCodes) {
      const { config } = await matterApi().getPublishedVersion(code);
      for (const key of namedByMatter(config).processKeys) {
        expect(processes, `${code} ${key}`).toContain(`${key}:1:published`);
        // the process's field permissions and branches are checked against these forms (workflow/seed unit test)
        expect(featuredProcesses.find((x) => x.key === key)?.formKeys, `${code} ${key}`).toEqual(expect.arrayContaining(config.bindings.formKeys));
      }
    }
  });

  it('seeding again adds no form version and no process version', async () => {
    const before = await definitionsSnapshot();
    for (const code of ['form', 'workflow']) await p.modules.get(code)!.seedReference!();
    expect(await definitionsSnapshot()).toEqual(before);
  });
});

describe('a 户口迁移 case for a college freshman, from the window to 办结', () => {
  let caseId: string;

  it('the window registers it: the enrolment process starts at 受理', async () => {
    const res = await caseCall(window1, 'POST', '/cases', {
      matterCode: wellKnownMatterCodes.hukouMigration, applicantType: 'natural_person', applicantName: collegeStudent.name, applicantIdNo: collegeStudent.idNo,
      contactPhone: '13951001234', situationAnswers: { reason: 'college', college_direction: 'enrol', scope: 'in_province' },
      formData: { ...hukouCollegeEnrolSample(), totalCount: 99 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    caseId = c.id;
    expect(c).toMatchObject({ status: 'submitted', formKey: 'hukou_migration', processKey: 'hukou_college_enrol', orgName: '新街口派出所' });
    expect(c.formData).toMatchObject({ schoolName: '东南大学', totalCount: 1, sex: '男' });
    expect(c.openTasks).toEqual([expect.objectContaining({ nodeName: '受理', formAccess: expect.objectContaining({ '*': 'readonly', schoolName: 'edit' }) })]);
  });

  it('a school outside Jiangsu is refused by the matter\'s eligibility rule', async () => {
    const res = await caseCall(window1, 'POST', '/cases', {
      matterCode: wellKnownMatterCodes.hukouMigration, applicantType: 'natural_person', applicantName: collegeStudent.name, applicantIdNo: collegeStudent.idNo,
      situationAnswers: { reason: 'college', college_direction: 'enrol', scope: 'in_province' },
      formData: { ...hukouCollegeEnrolSample(), schoolName: '北京大学', schoolRegionCode: '110108' },
    });
    expect(res.json()).toMatchObject({ code: 'CASE_NOT_ELIGIBLE', message: '录取院校须在江苏省内' });
  });

  it('受理 may correct the school and the phone, nothing else', async () => {
    const c = (await caseCall(window1, 'GET', `/cases/${caseId}`)).json();
    const res = await caseCall(window1, 'POST', `/cases/${caseId}/actions`, {
      action: 'accept', taskId: c.openTasks[0].id, opinion: '材料齐全，予以受理',
      formData: { ...c.formData, schoolName: '东南大学（四牌楼校区）', contactPhone: '13951009999', toRegion: '320104' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', formData: { schoolName: '东南大学（四牌楼校区）', contactPhone: '13951009999', toRegion: '320102' } });
    expect(res.json().openTasks.map((t: Task) => t.nodeName)).toEqual(['审核']);
  });

  it('玄武分局 reviews and approves; the case concludes as approved', async () => {
    const worked: string[] = [];
    for (let tasks = await openTasks(approver, caseId); tasks.length; tasks = await openTasks(approver, caseId)) {
      worked.push(tasks[0].nodeName);
      const res = await caseCall(approver, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: tasks[0].id, outcome: 'approve', opinion: '同意' });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(worked).toEqual(['审核', '审批']);
    expect((await caseCall(approver, 'GET', `/cases/${caseId}`)).json()).toMatchObject({ status: 'concluded', result: 'approved' });
  });
});

describe('a 居民身份证 换领 case at the window', () => {
  it('is registered on the application process and accepted, then waits for 审核签发 at the 分局', async () => {
    const created = await caseCall(window1, 'POST', '/cases', {
      matterCode: wellKnownMatterCodes.idCardApplication, applicantType: 'natural_person', applicantName: idCardHolder.name, applicantIdNo: idCardHolder.idNo,
      contactPhone: '13770001234', situationAnswers: { apply_type: 'renew', minor: 'no' }, formData: idCardRenewSample(today()),
    });
    expect(created.statusCode, created.body).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({ formKey: 'idcard_application', processKey: 'idcard_application', formData: { validityTerm: '二十年', feeYuan: 20 } });
    const accepted = await caseCall(window1, 'POST', `/cases/${c.id}/actions`, { action: 'accept', taskId: c.openTasks[0].id });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    expect(accepted.json().openTasks.map((t: Task) => t.nodeName)).toEqual(['审核签发']);
    expect((await openTasks(approver, c.id)).map((t) => t.nodeName)).toEqual(['审核签发']);
  });
});
