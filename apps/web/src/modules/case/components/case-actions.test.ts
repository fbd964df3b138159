import { describe, expect, it } from 'vitest';
import type { SituationQuestion } from '@jsga/contracts';
import {
  actionBody, actionTitleFor, addDays, defaultTaskId, defaultToleranceDeadline, errorFieldOf, inPreReview, isFinished, needsTask, orderedActions, promiseOnPaper, reasonRequired, toleranceRange,
} from './case-actions';
import { ApiError } from '../../../app/request';
import { applicantIdProblem, formDataOf, refusalOf } from './CaseCreateDrawer';
import { nodeMappingOf } from './MigrateProcessDialog';
import { openAnswers } from './SituationQuestions';

const T1 = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd1';
const T2 = 'dddddddd-dddd-4ddd-8ddd-ddddddddddd2';
const task = (id: string) => ({ id, nodeId: 'n', nodeName: '受理', assigneeId: null, dueDate: null, formAccess: null });

describe('case actions', () => {
  it('asks for a reason exactly where the server requires one', () => {
    const required = (['request_supplement', 'return', 'not_accept', 'start_special', 'withdraw'] as const).map((a) => reasonRequired(a, undefined));
    expect(required).toEqual([true, true, true, true, true]);
    expect(reasonRequired('accept', undefined)).toBe(false);
    expect(reasonRequired('conclude', undefined)).toBe(false);
    expect(reasonRequired('approve_step', 'approve')).toBe(false);
    expect(reasonRequired('approve_step', 'reject')).toBe(true);
  });

  it('orders the allowed actions as the state machine lists them', () => {
    expect(orderedActions(['withdraw', 'accept', 'pre_review', 'return'])).toEqual(['pre_review', 'return', 'accept', 'withdraw']);
  });

  it('builds bodies with only the fields an action uses, the task only when the case has open tasks, and always the revision', () => {
    const none = { openTasks: [], revision: 7 };
    const two = { openTasks: [task(T1), task(T2)], revision: 7 };
    expect(actionBody('accept', { opinion: '  ' }, none)).toEqual({ action: 'accept', expectedRevision: 7 });
    expect(actionBody('accept', {}, two)).toEqual({ action: 'accept', taskId: T1, expectedRevision: 7 });
    expect(actionBody('not_accept', { taskId: T2, opinion: ' 不符合条件 ' }, two)).toEqual({ action: 'not_accept', taskId: T2, opinion: '不符合条件', expectedRevision: 7 });
    expect(actionBody('return', { taskId: T2, opinion: '材料不全' }, two)).toEqual({ action: 'return', opinion: '材料不全', expectedRevision: 7 });
    expect(actionBody('approve_step', {}, none)).toEqual({ action: 'approve_step', outcome: 'approve', expectedRevision: 7 });
    expect(actionBody('accept_tolerated', { missingMaterials: ['M02'] }, two)).toEqual({ action: 'accept_tolerated', taskId: T1, missingMaterials: ['M02'], expectedRevision: 7 });
    expect(actionBody('conclude', { result: 'disapproved', taskId: T1 }, two)).toEqual({ action: 'conclude', result: 'disapproved', expectedRevision: 7 });
    expect(needsTask('conclude', two)).toBe(false);
    expect(needsTask('approve_step', two)).toBe(true);
  });

  it('sends the ticked materials with 补件 only when some are ticked', () => {
    const none = { openTasks: [], revision: 7 };
    expect(actionBody('request_supplement', { opinion: '照片不清晰', supplementMaterials: ['M02'] }, none))
      .toEqual({ action: 'request_supplement', opinion: '照片不清晰', supplementMaterials: ['M02'], expectedRevision: 7 });
    expect(actionBody('request_supplement', { opinion: '表格填写有误', supplementMaterials: [] }, none)).toEqual({ action: 'request_supplement', opinion: '表格填写有误', expectedRevision: 7 });
    expect(actionBody('return', { opinion: 'x', supplementMaterials: ['M02'] }, none)).toEqual({ action: 'return', opinion: 'x', expectedRevision: 7 });
  });

  it('容缺: sends the deadline and the promise with 容缺受理, the window scans with 容缺材料补齐, nothing of them elsewhere', () => {
    const none = { openTasks: [], revision: 7 };
    const promiseFile = { id: 'f-promise', fileName: '承诺书.pdf' };
    expect(actionBody('accept_tolerated', { missingMaterials: ['M02'], toleranceDeadline: '2026-01-12', promiseFile }, none))
      .toEqual({ action: 'accept_tolerated', missingMaterials: ['M02'], toleranceDeadline: '2026-01-12', promiseFileId: 'f-promise', expectedRevision: 7 });
    expect(actionBody('accept_tolerated', { missingMaterials: ['M02'], toleranceDeadline: '2026-01-12', promiseFile: null }, none))
      .toEqual({ action: 'accept_tolerated', missingMaterials: ['M02'], toleranceDeadline: '2026-01-12', expectedRevision: 7 });
    expect(actionBody('tolerated_completed', { toleratedScans: { M02: { id: 'f-m02', fileName: 'a.pdf' }, M03: null } }, none))
      .toEqual({ action: 'tolerated_completed', materials: [{ materialCode: 'M02', fileId: 'f-m02' }], expectedRevision: 7 });
    expect(actionBody('tolerated_completed', { toleratedScans: {} }, none)).toEqual({ action: 'tolerated_completed', expectedRevision: 7 });
    expect(actionBody('accept', { toleranceDeadline: '2026-01-12', promiseFile, toleratedScans: { M02: promiseFile } }, none)).toEqual({ action: 'accept', expectedRevision: 7 });
  });

  it('容缺: dates after today up to the limit, a week on at first, the paper promise for window and self-service cases', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(toleranceRange('2026-02-27', 30)).toEqual({ first: '2026-02-28', last: '2026-03-29' });
    expect(defaultToleranceDeadline('2026-01-05', 30)).toBe('2026-01-12');
    expect(defaultToleranceDeadline('2026-01-05', 3)).toBe('2026-01-08');
    expect([promiseOnPaper({ channel: 'window' }), promiseOnPaper({ channel: 'self_service' }), promiseOnPaper({ channel: 'online' }), promiseOnPaper({ channel: 'mobile' })])
      .toEqual([true, true, false, false]);
    expect(errorFieldOf({ code: 'CASE_TOLERANCE_PROMISE_REQUIRED' })).toBe('promiseFile');
    expect(errorFieldOf({ code: 'CASE_FILE_NOT_FOUND', details: { fileId: 'x', field: 'promiseFileId' } })).toBe('promiseFile');
    expect(errorFieldOf({ code: 'CASE_FILE_NOT_FOUND', details: { fileId: 'x' } })).toBeUndefined();
    expect(errorFieldOf({ code: 'CASE_TOLERANCE_MATERIALS_MISSING' })).toBe('toleratedScans');
  });

  it('names the actions in pre-review words only for online and mobile applications before the tolerated materials are in', () => {
    expect(inPreReview({ channel: 'online', status: 'submitted' })).toBe(true);
    expect(inPreReview({ channel: 'mobile', status: 'tolerated' })).toBe(true);
    expect(inPreReview({ channel: 'window', status: 'submitted' })).toBe(false);
    expect(inPreReview({ channel: 'online', status: 'accepted' })).toBe(false);
    expect(actionTitleFor('accept', { channel: 'online', status: 'pre_review' })).toBe('预审通过');
    expect(actionTitleFor('accept_tolerated', { channel: 'online', status: 'submitted' })).toBe('容缺收件');
    expect(actionTitleFor('not_accept', { channel: 'online', status: 'submitted' })).toBe('不予受理');
    expect(actionTitleFor('accept', { channel: 'window', status: 'submitted' })).toBe('受理');
    expect(isFinished('returned')).toBe(true);
    expect(isFinished('supplement')).toBe(false);
  });

  it('completes the 受理 task by default, else the first open task', () => {
    const check = { id: T1, nodeId: 'check', nodeName: '材料核查', assigneeId: null, dueDate: null, formAccess: null };
    expect(defaultTaskId({ openTasks: [check, task(T2)] })).toBe(T2);
    expect(defaultTaskId({ openTasks: [check] })).toBe(T1);
    expect(defaultTaskId({ openTasks: [] })).toBeUndefined();
  });
});

describe('registration helpers', () => {
  it('checks 公民身份号码 (GB 11643) and 统一社会信用代码 (GB 32100) with Chinese reasons', () => {
    expect(applicantIdProblem('natural_person', '11010519491231002x')).toBeNull();
    expect(applicantIdProblem('natural_person', '110105194912310021')).toBe('公民身份号码校验位不正确，请核对');
    expect(applicantIdProblem('natural_person', '11010519491331002X')).toBe('公民身份号码中的出生日期不正确');
    expect(applicantIdProblem('natural_person', '12345')).toMatch(/应为18位/);
    expect(applicantIdProblem('natural_person', '110105202612310028', '2026-01-05')).toBe('公民身份号码中的出生日期不正确');
    expect(applicantIdProblem('legal_person', '91350100M000100Y43')).toBeNull();
    expect(applicantIdProblem('legal_person', '91350100M000100Y44')).toMatch(/统一社会信用代码/);
  });

  it('turns key/value rows into form data, skipping blank keys', () => {
    expect(formDataOf([{ key: ' 地址 ', value: '中山路1号' }, { key: '', value: 'x' }, { key: '电话' }])).toEqual({ 地址: '中山路1号', 电话: '' });
  });

  it('keeps only answers of open questions, single choice as a key', () => {
    const effects = { addMaterials: [], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null };
    const tree: SituationQuestion[] = [{ key: 'q', text: '事由', type: 'single', help: '', options: [
      { key: 'a', label: 'A', effects, children: [{ key: 'child', text: '子问题', type: 'multiple', help: '', options: [{ key: 'x', label: 'X', effects, children: [] }] }] },
      { key: 'b', label: 'B', effects, children: [] },
    ] }];
    expect(openAnswers(tree, { q: 'a', child: ['x'] })).toEqual({ q: 'a', child: ['x'] });
    expect(openAnswers(tree, { q: 'b', child: ['x'] })).toEqual({ q: 'b' });
    expect(openAnswers(tree, { q: ['zzz'] })).toEqual({});
  });

  it('sends only the node mappings that change a node id', () => {
    expect(nodeMappingOf({ accept: '', check: ' check ', approve: 'approve_v2' })).toEqual({ approve: 'approve_v2' });
    expect(nodeMappingOf({ accept: undefined })).toBeUndefined();
  });
});

describe('registration refusals', () => {
  it('keeps whole-application refusals (eligibility, form) on screen with their reasons, and leaves field errors to the inputs', () => {
    expect(refusalOf(new ApiError({ status: 400, code: 'CASE_NOT_ELIGIBLE', message: '录取院校须在江苏省内' }))).toEqual({ message: '录取院校须在江苏省内', lines: [] });
    expect(refusalOf(new ApiError({ status: 400, code: 'CASE_FORM_INVALID', message: '申请表填写有误', details: { errors: [{ path: 'school', message: '请填写学校' }] } })))
      .toEqual({ message: '申请表填写有误', lines: ['请填写学校'] });
    expect(refusalOf(new ApiError({ status: 400, code: 'CASE_APPLICANT_ID_INVALID', message: '公民身份号码无效' }))).toBeNull();
    expect(refusalOf(new ApiError({ status: 500, code: 'COMMON_INTERNAL', message: '系统内部错误', handled: true }))).toBeNull();
  });
});
