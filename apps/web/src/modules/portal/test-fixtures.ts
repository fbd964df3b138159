import { vi } from 'vitest';
import type { MatterChecklist, MatterMaterial, PublicMatterGuide, PublicMatterSummary, SituationQuestion } from '@jsga/contracts';
import { jsonResponse } from '../../test-utils';

export const effects = { addMaterials: [], removeMaterials: [], addSections: [], removeSections: [], eligibilityRule: null, eligibilityMessage: null, moreEligibility: [], processKey: null };

export const summary = (over: Partial<PublicMatterSummary> = {}): PublicMatterSummary => ({
  code: 'JS-Z001', name: '户口迁移审批', policeType: 'zhian', category: '治安服务事项', matterType: 'licensing', handlingModes: ['promised'],
  applicantTypes: ['natural_person'], channels: ['online', 'window'], zones: ['province_wide'], isOnline: true, isOffline: true, feeFen: 0,
  statutoryLimitDays: 20, promisedLimitDays: 5, visits: 1, versionNo: 1, ...over,
});

const material = (over: Partial<MatterMaterial> & Pick<MatterMaterial, 'code' | 'name'>): MatterMaterial => ({
  source: 'applicant', elicenseType: null, required: true, allowTolerance: false, form: 'original', count: 1, situational: false,
  templateFileId: null, sampleFileId: null, note: '', ...over,
});

export const materials = {
  ID_CARD: material({ code: 'ID_CARD', name: '居民身份证', source: 'elicense', elicenseType: 'resident_id_card' }),
  APPLICATION_FORM: material({ code: 'APPLICATION_FORM', name: '户口迁移申请表', templateFileId: '0f0e0d0c-0b0a-4908-8706-050403020100',
    sampleFileId: 'sample-hukou-migration-application' }),
  ADMISSION_NOTICE: material({ code: 'ADMISSION_NOTICE', name: '录取通知书', situational: true, form: 'original_and_copy', count: 2 }),
  DIPLOMA: material({ code: 'DIPLOMA', name: '毕业证书', situational: true, allowTolerance: true, note: '可先凭毕业证明容缺受理' }),
};

export const situations: SituationQuestion[] = [
  { key: 'reason', text: '您办理户口迁移的原因是？', type: 'single', help: '', options: [
    { key: 'college', label: '大中专院校学生（录取迁入或毕业迁出）', effects, children: [
      { key: 'college_direction', text: '您是录取新生迁入学校，还是毕业生迁出学校？', type: 'single', help: '', options: [
        { key: 'enrol', label: '录取新生，户口迁入学校集体户', effects, children: [] },
        { key: 'graduate', label: '毕业生，户口迁出学校', effects, children: [] },
      ] },
    ] },
    { key: 'spouse', label: '夫妻投靠', effects, children: [] },
  ] },
  { key: 'scope', text: '迁移范围', type: 'single', help: '跨省迁移实行“一站式”办理', options: [
    { key: 'in_province', label: '江苏省内迁移', effects, children: [] },
    { key: 'cross_province', label: '跨省迁入江苏', effects, children: [] },
  ] },
];

export const hukouGuide: PublicMatterGuide = {
  ...summary(), versionId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1', publishedAt: '2026-01-01T00:00:00+08:00',
  legalBasis: '《中华人民共和国户口登记条例》第十条', conditions: '迁入地符合户籍准入条件。', feeNote: '不收费', needsApproval: true,
  materials: Object.values(materials), situations,
  guide: {
    flow: [{ title: '申请', description: '网上或到派出所提交申请' }, { title: '审批', description: '县级公安机关审批' }],
    place: '迁入地公安派出所户籍窗口', hours: '工作日 9:00-17:00', phone: '12345 政务服务便民热线',
    faq: [{ question: '大学新生必须把户口迁到学校吗？', answer: '不必须，由学生自愿决定。' }], notes: '',
  },
};

export const checklistFor = (answers: Record<string, unknown>): MatterChecklist => ({
  matterCode: 'JS-Z001', versionId: hukouGuide.versionId, versionNo: 1,
  materials: answers.college_direction === 'enrol' ? [materials.ID_CARD, materials.APPLICATION_FORM, materials.ADMISSION_NOTICE] : [materials.ID_CARD],
  formKeys: [], sections: [], processKey: null,
  eligibilityRules: answers.college_direction === 'enrol'
    ? [{ questionKey: 'college_direction', optionKey: 'enrol', expression: 'startsWith(form.schoolRegionCode, "32")', message: '录取院校须在江苏省内' }] : [],
  selected: [],
});

export type Handler = (url: URL, init?: RequestInit) => Response | undefined | Promise<Response | undefined>;
const notFound = () => jsonResponse(404, { code: 'MATTER_NOT_FOUND', message: '事项不存在或未发布', traceId: 't' });

/** A fetch mock answering the public catalogue; `handler` answers first, anything it leaves is 404. */
export function serve(handler: Handler) {
  const fetchMock = vi.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    return (await handler(url, init)) ?? notFound();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
export const calls = (fetchMock: ReturnType<typeof serve>, path: string) =>
  fetchMock.mock.calls.map(([u]) => new URL(u, 'http://localhost')).filter((u) => u.pathname === path);
