import { z } from 'zod';
import { PoliceType } from '../identity/org';

/**
 * The configuration one matter version carries (事项版本内容). The same schema validates the admin
 * editor in the browser, every write on the server and every read of a stored version.
 */

export const MatterVersionStatus = z.enum(['draft', 'in_review', 'published', 'retired']);
export type MatterVersionStatus = z.infer<typeof MatterVersionStatus>;
export const matterVersionStatusLabels: Record<MatterVersionStatus, string> = {
  draft: '草稿', in_review: '待审核', published: '已发布', retired: '已停用',
};

export const HandlingMode = z.enum(['immediate', 'promised', 'collect']);
export type HandlingMode = z.infer<typeof HandlingMode>;
export const handlingModeLabels: Record<HandlingMode, string> = { immediate: '即办件', promised: '承诺件', collect: '收件' };

/** 事项类型: the ten kinds of 行政权力 plus 公共服务 (national codes in archive.ts). */
export const MatterType = z.enum(['licensing', 'penalty', 'coercion', 'levy', 'payment', 'inspection', 'confirmation', 'reward', 'adjudication', 'other_power', 'public_service']);
export type MatterType = z.infer<typeof MatterType>;
export const matterTypeLabels: Record<MatterType, string> = {
  licensing: '行政许可', penalty: '行政处罚', coercion: '行政强制', levy: '行政征收', payment: '行政给付', inspection: '行政检查',
  confirmation: '行政确认', reward: '行政奖励', adjudication: '行政裁决', other_power: '其他行政权力', public_service: '公共服务',
};

export const ApplicantType = z.enum(['natural_person', 'legal_person']);
export type ApplicantType = z.infer<typeof ApplicantType>;
export const applicantTypeLabels: Record<ApplicantType, string> = { natural_person: '自然人', legal_person: '法人' };

export const MatterChannel = z.enum(['online', 'mobile', 'window', 'kiosk']);
export type MatterChannel = z.infer<typeof MatterChannel>;
export const matterChannelLabels: Record<MatterChannel, string> = { online: '网上', mobile: '掌上', window: '窗口', kiosk: '自助' };

export const MatterZone = z.enum(['one_thing', 'province_wide', 'cross_province', 'yangtze_delta']);
export type MatterZone = z.infer<typeof MatterZone>;
export const matterZoneLabels: Record<MatterZone, string> = {
  one_thing: '高效办成一件事', province_wide: '全省通办', cross_province: '跨省通办', yangtze_delta: '长三角',
};

export const MaterialSource = z.enum(['applicant', 'elicense', 'shared_data']);
export type MaterialSource = z.infer<typeof MaterialSource>;
export const materialSourceLabels: Record<MaterialSource, string> = { applicant: '申请人提交', elicense: '电子证照', shared_data: '共享数据' };

export const MaterialForm = z.enum(['original', 'copy', 'original_and_copy', 'electronic']);
export type MaterialForm = z.infer<typeof MaterialForm>;
export const materialFormLabels: Record<MaterialForm, string> = { original: '原件', copy: '复印件', original_and_copy: '原件和复印件', electronic: '电子材料' };

/** Keys that other configuration refers to: material codes, question and option keys, form sections, process keys. */
export const ConfigKey = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, '标识须为字母开头的字母、数字、下划线、点或短横线，不超过64位');
const Text = (max: number) => z.string().trim().max(max);

export const MatterMaterial = z.object({
  code: ConfigKey.describe('材料编码，情形选项按编码增减材料'),
  name: z.string().trim().min(1, '材料名称不能为空').max(200),
  source: MaterialSource,
  elicenseType: Text(64).nullable().default(null).describe('可替代本材料的电子证照类型代码'),
  required: z.boolean().describe('是否必要材料'),
  allowTolerance: z.boolean().default(false).describe('是否允许容缺受理'),
  form: MaterialForm.default('original'),
  count: z.number().int().min(1).max(99).default(1),
  situational: z.boolean().default(false).describe('只有在情形选项加入时才需要'),
  templateFileId: Text(128).nullable().default(null).describe('空白表格文件'),
  sampleFileId: Text(128).nullable().default(null).describe('示例样表文件'),
  note: Text(1000).default(''),
});
export type MatterMaterial = z.infer<typeof MatterMaterial>;

export const SituationEffects = z.object({
  addMaterials: z.array(ConfigKey).max(50).default([]),
  removeMaterials: z.array(ConfigKey).max(50).default([]),
  addSections: z.array(ConfigKey).max(50).default([]),
  removeSections: z.array(ConfigKey).max(50).default([]),
  eligibilityRule: Text(2000).nullable().default(null).describe('资格规则表达式（表单表达式语言），原样保存'),
  eligibilityMessage: Text(200).nullable().default(null).describe('不符合资格规则时的提示'),
  moreEligibility: z.array(z.object({ rule: Text(2000), message: Text(200) })).max(10).default([])
    .describe('更多资格规则：逐条校验，不符合时给出各自的提示（可读取 facts.hukou 等业务库事实）'),
  processKey: ConfigKey.nullable().default(null).describe('选中后改走的流程'),
});
export type SituationEffects = z.infer<typeof SituationEffects>;

export const SituationQuestionType = z.enum(['single', 'multiple']);
export type SituationQuestionType = z.infer<typeof SituationQuestionType>;

export type SituationOption = { key: string; label: string; effects: SituationEffects; children: SituationQuestion[] };
export type SituationQuestion = { key: string; text: string; type: SituationQuestionType; help: string; options: SituationOption[] };
type SituationOptionInput = { key: string; label: string; effects?: z.input<typeof SituationEffects>; children?: SituationQuestionInput[] };
type SituationQuestionInput = { key: string; text: string; type: SituationQuestionType; help?: string; options: SituationOptionInput[] };

/** One question of the situation tree (情形); an option may open child questions. Keys are unique in the whole tree. */
export const SituationQuestion: z.ZodType<SituationQuestion, SituationQuestionInput> = z.lazy(() => z.object({
  key: ConfigKey,
  text: z.string().trim().min(1, '问题不能为空').max(200),
  type: SituationQuestionType,
  help: Text(500).default(''),
  options: z.array(SituationOption).min(1, '问题至少要有一个选项').max(30),
}));
export const SituationOption: z.ZodType<SituationOption, SituationOptionInput> = z.lazy(() => z.object({
  key: ConfigKey,
  label: z.string().trim().min(1, '选项不能为空').max(200),
  effects: SituationEffects.default(SituationEffects.parse({})),
  children: z.array(SituationQuestion).max(10).default([]),
}));

export const MatterGuide = z.object({
  flow: z.array(z.object({ title: z.string().trim().min(1).max(100), description: Text(1000).default('') })).max(30).default([]),
  place: Text(500).default(''),
  hours: Text(500).default(''),
  phone: Text(100).default(''),
  faq: z.array(z.object({ question: z.string().trim().min(1).max(300), answer: z.string().trim().min(1).max(2000) })).max(50).default([]),
  notes: Text(2000).default(''),
});
export type MatterGuide = z.infer<typeof MatterGuide>;

export const AppointmentSettings = z.object({
  enabled: z.boolean().default(false),
  slotMinutes: z.number().int().min(5).max(240).default(30),
  daysAhead: z.number().int().min(1).max(90).default(7),
});
export const FeeSettings = z.object({
  collectAt: z.enum(['none', 'accept', 'issue']).default('none').describe('收费时点：不收费 / 受理时 / 出证时'),
  payChannels: z.array(z.enum(['window', 'online', 'mobile'])).max(3).default([]),
  items: z.array(z.object({ code: ConfigKey, name: z.string().trim().min(1).max(100), amountFen: z.number().int().min(0).max(1_000_000_000) })).max(20).default([]),
});

export const MatterBindings = z.object({
  formKeys: z.array(ConfigKey).max(10).default([]),
  sections: z.array(ConfigKey).max(50).default([]).describe('默认包含的表单分区，情形可增减'),
  processKey: ConfigKey.nullable().default(null),
  printTemplateKeys: z.array(ConfigKey).max(20).default([]),
  archiveRuleKey: ConfigKey.nullable().default(null),
  /** What an approved case does to a domain registry when it concludes (e.g. hukou's birth_registration); null for none. */
  registryEffect: ConfigKey.nullable().default(null).describe('办结生效：准予办结后写入业务库的作用，如 birth_registration（出生登记）'),
  appointment: AppointmentSettings.default(AppointmentSettings.parse({})),
  fee: FeeSettings.default(FeeSettings.parse({})),
});
export type MatterBindings = z.infer<typeof MatterBindings>;
/** The registry effects the domain modules implement (the hukou module's), for the matter editor. */
export const registryEffectLabels: Record<string, string> = {
  birth_registration: '出生登记：落户并按号段分配公民身份号码',
  hukou_migration: '户口迁移：迁入申请表所填的户',
  registration_cancel: '户口注销：按原因（死亡、入伍等）注销户口登记',
  registry_item_change: '户口登记项目变更：更新所填的非主项信息',
};

export const MatterConfig = z.object({
  name: z.string().trim().min(2, '事项名称至少2个字').max(200),
  policeType: PoliceType.nullable().default(null),
  category: z.string().trim().min(1).max(64).describe('服务事项类别，如 治安服务事项、境外非政府组织服务事项'),
  matterType: MatterType,
  handlingModes: z.array(HandlingMode).max(3).default([]),
  applicantTypes: z.array(ApplicantType).min(1, '至少选择一种申请人类型').max(2),
  channels: z.array(MatterChannel).max(4).default([]),
  zones: z.array(MatterZone).max(4).default([]),
  needsApproval: z.boolean().default(false).describe('需后台审核审批（业务办理）'),
  isOnline: z.boolean().default(false).describe('可网上办理'),
  isOffline: z.boolean().default(true).describe('可线下办理'),
  legalBasis: Text(5000).default(''),
  conditions: Text(5000).default(''),
  feeFen: z.number().int().min(0).max(1_000_000_000).default(0).describe('收费金额（分）'),
  feeNote: Text(500).default(''),
  statutoryLimitDays: z.number().int().min(0).max(365).nullable().default(null).describe('法定办结时限（工作日）'),
  promisedLimitDays: z.number().int().min(0).max(365).nullable().default(null).describe('承诺办结时限（工作日）'),
  visits: z.number().int().min(0).max(10).default(0).describe('跑动次数'),
  toleranceLimitDays: z.number().int().min(1).max(90).default(30).describe('容缺受理：补交期限最长（自然日）'),
  materials: z.array(MatterMaterial).max(100).default([]),
  situations: z.array(SituationQuestion).max(20).default([]),
  guide: MatterGuide.default(MatterGuide.parse({})),
  bindings: MatterBindings.default(MatterBindings.parse({})),
});
export type MatterConfig = z.infer<typeof MatterConfig>;
export type MatterConfigInput = z.input<typeof MatterConfig>;
