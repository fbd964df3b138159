import type { CaseSummary, CaseView } from '@jsga/contracts';

/** Sample cases for the page tests (the shapes of the contracts). */
export const CASE_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1';
export const ORG_ID = '11111111-1111-4111-8111-111111111111';
export const TASK_1 = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd1';
export const TASK_2 = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd2';
export const INSTANCE_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const FILE_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

export const summary = (over: Partial<CaseSummary> = {}): CaseSummary => ({
  id: CASE_ID,
  caseNo: '320102202601050000001',
  matterCode: 'JS-Z001',
  matterName: '户口迁移审批',
  policeType: 'zhian',
  applicantType: 'natural_person',
  applicantName: '李四',
  applicantIdNoMasked: '320102********1234',
  channel: 'window',
  status: 'submitted',
  orgId: ORG_ID,
  orgName: '新街口派出所',
  slaStatus: 'none',
  slaDeadline: null,
  submittedAt: '2026-01-05T09:00:00+08:00',
  revision: 3,
  toleranceDeadline: null,
  ...over,
});

export const caseView = (over: Partial<CaseView> = {}): CaseView => ({
  ...summary(),
  matterVersionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1',
  matterVersionNo: 2,
  contactPhoneMasked: '138****5678',
  situationAnswers: {},
  formKey: null,
  formVersionId: null,
  formSections: [],
  formData: { 迁入地址: '南京市玄武区中山路1号' },
  processKey: null,
  workflowInstanceId: null,
  limitDays: 10,
  slaStartDate: null,
  slaPausedDays: 0,
  result: null,
  acceptedAt: null,
  concludedAt: null,
  history: [
    { seq: 1, action: 'submit', fromStatus: null, toStatus: 'submitted', userName: '张受理', orgName: '新街口派出所', opinion: '', at: '2026-01-05T09:00:00+08:00' },
  ],
  materials: [
    { id: 'ffffffff-ffff-4fff-8fff-fffffffffff1', materialCode: 'M01', name: '居民户口簿', fileId: FILE_ID, sha256: 'a'.repeat(64), sm3: 'b'.repeat(64), status: 'provided', at: '2026-01-05T09:00:00+08:00', source: 'upload', licenceId: null },
  ],
  pauses: [],
  links: [],
  openTasks: [],
  allowedActions: ['pre_review', 'request_supplement', 'return', 'accept', 'accept_tolerated', 'not_accept', 'withdraw'],
  supplementRequest: null,
  delivery: null,
  collection: null,
  tolerance: null,
  ...over,
});
