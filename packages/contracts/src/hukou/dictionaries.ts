import { z } from 'zod';

/**
 * Population-registry (人口信息 / 常住人口登记表) dictionaries of the 户政 module. Values are national
 * standard codes where a standard exists (stored as-is in the database and exchanged with other
 * systems); the label maps give the Chinese text shown in the UI and printed on forms.
 *
 * Sources: the code tables below were written from the standards as commonly reproduced and
 * cross-checked against several independent public code lists; entries marked "unconfirmed" could not be
 * checked against the standard's own text and must stay replaceable (see each comment).
 */

const labelsOf = <T extends string>(pairs: ReadonlyArray<readonly [T, string]>) =>
  Object.fromEntries(pairs) as Record<T, string>;
const codesOf = <T extends string>(pairs: ReadonlyArray<readonly [T, string]>) =>
  pairs.map(([code]) => code) as unknown as readonly [T, ...T[]];

// ---------------------------------------------------------------------------------------------------
// 性别 GB/T 2261.1-2003
// ---------------------------------------------------------------------------------------------------

/** 性别代码 (GB/T 2261.1-2003). ID numbers only encode '1' and '2' (odd / even sequence code). */
export const SexCode = z.enum(['1', '2', '0', '9']);
export type SexCode = z.infer<typeof SexCode>;
export const sexLabels: Record<SexCode, string> = { '1': '男', '2': '女', '0': '未知的性别', '9': '未说明的性别' };
/** The two sexes a 公民身份号码 can express. */
export type IdSex = Extract<SexCode, '1' | '2'>;

// ---------------------------------------------------------------------------------------------------
// 民族 GB/T 3304-1991
// ---------------------------------------------------------------------------------------------------

const ethnicities = [
  ['01', '汉族'], ['02', '蒙古族'], ['03', '回族'], ['04', '藏族'], ['05', '维吾尔族'], ['06', '苗族'], ['07', '彝族'],
  ['08', '壮族'], ['09', '布依族'], ['10', '朝鲜族'], ['11', '满族'], ['12', '侗族'], ['13', '瑶族'], ['14', '白族'],
  ['15', '土家族'], ['16', '哈尼族'], ['17', '哈萨克族'], ['18', '傣族'], ['19', '黎族'], ['20', '傈僳族'], ['21', '佤族'],
  ['22', '畲族'], ['23', '高山族'], ['24', '拉祜族'], ['25', '水族'], ['26', '东乡族'], ['27', '纳西族'], ['28', '景颇族'],
  ['29', '柯尔克孜族'], ['30', '土族'], ['31', '达斡尔族'], ['32', '仫佬族'], ['33', '羌族'], ['34', '布朗族'], ['35', '撒拉族'],
  ['36', '毛南族'], ['37', '仡佬族'], ['38', '锡伯族'], ['39', '阿昌族'], ['40', '普米族'], ['41', '塔吉克族'], ['42', '怒族'],
  ['43', '乌孜别克族'], ['44', '俄罗斯族'], ['45', '鄂温克族'], ['46', '德昂族'], ['47', '保安族'], ['48', '裕固族'], ['49', '京族'],
  ['50', '塔塔尔族'], ['51', '独龙族'], ['52', '鄂伦春族'], ['53', '赫哲族'], ['54', '门巴族'], ['55', '珞巴族'], ['56', '基诺族'],
  ['97', '其他'], ['98', '外国血统中国籍人士'],
] as const;
/** 民族代码 (GB/T 3304-1991, numeric codes): the 56 ethnic groups, 97 其他 (未识别民族), 98 外国血统中国籍人士. */
export const EthnicityCode = z.enum(codesOf(ethnicities));
export type EthnicityCode = z.infer<typeof EthnicityCode>;
export const ethnicityLabels: Record<EthnicityCode, string> = labelsOf(ethnicities);
export const HAN_ETHNICITY: EthnicityCode = '01';

// ---------------------------------------------------------------------------------------------------
// 婚姻状况 GB/T 2261.2-2003
// ---------------------------------------------------------------------------------------------------

/** 婚姻状况代码 (GB/T 2261.2-2003). 20 已婚 is the summary code; 21–23 are its sub-codes. */
export const MaritalStatus = z.enum(['10', '20', '21', '22', '23', '30', '40', '90']);
export type MaritalStatus = z.infer<typeof MaritalStatus>;
export const maritalStatusLabels: Record<MaritalStatus, string> = {
  '10': '未婚', '20': '已婚', '21': '初婚', '22': '再婚', '23': '复婚', '30': '丧偶', '40': '离婚', '90': '未说明的婚姻状况',
};
/** Whether a status means "currently married" (已婚 or one of its sub-codes). */
export const isMarried = (s: MaritalStatus) => s === '20' || s === '21' || s === '22' || s === '23';

// ---------------------------------------------------------------------------------------------------
// 文化程度 GB/T 4658-2006
// ---------------------------------------------------------------------------------------------------

/**
 * 学历代码 (GB/T 4658-2006), main categories only. Detailed codes (e.g. 11 博士研究生毕业, 21 大学本科毕业,
 * 47 技工学校毕业) roll up to their category by the first digit followed by 0. There is no 50 in the 2006
 * edition (the 1984 edition's 50 技工学校 is now under 40). A pre-school child has no 文化程度 (null).
 */
export const EducationLevel = z.enum(['10', '20', '30', '40', '60', '70', '80', '90']);
export type EducationLevel = z.infer<typeof EducationLevel>;
export const educationLevelLabels: Record<EducationLevel, string> = {
  '10': '研究生', '20': '大学本科', '30': '大学专科', '40': '中等职业教育', '60': '普通高级中学', '70': '初级中学', '80': '小学', '90': '其他',
};

// ---------------------------------------------------------------------------------------------------
// 兵役状况
// ---------------------------------------------------------------------------------------------------

/**
 * 兵役状况代码. The table (0 未服兵役, 1 退出现役, 2 士兵预备役, 3 军官预备役, 4 服现役, 9 其他) is the one
 * population and HR systems use; which standard publishes it (it is not part of GB/T 2261.1/.2) is
 * unconfirmed — keep it replaceable.
 */
export const MilitaryServiceStatus = z.enum(['0', '1', '2', '3', '4', '9']);
export type MilitaryServiceStatus = z.infer<typeof MilitaryServiceStatus>;
export const militaryServiceStatusLabels: Record<MilitaryServiceStatus, string> = {
  '0': '未服兵役', '1': '退出现役', '2': '士兵预备役', '3': '军官预备役', '4': '服现役', '9': '其他',
};

// ---------------------------------------------------------------------------------------------------
// 与户主关系 GB/T 4761-2008
// ---------------------------------------------------------------------------------------------------

const relations = [
  ['01', '本人'], ['02', '户主'],
  ['10', '配偶'], ['11', '夫'], ['12', '妻'],
  ['20', '子'], ['21', '独生子'], ['22', '长子'], ['23', '次子'], ['24', '三子'], ['25', '四子'], ['26', '五子'], ['27', '养子或继子'],
  ['28', '女婿'], ['29', '其他儿子'],
  ['30', '女'], ['31', '独生女'], ['32', '长女'], ['33', '次女'], ['34', '三女'], ['35', '四女'], ['36', '五女'], ['37', '养女或继女'],
  ['38', '儿媳'], ['39', '其他女儿'],
  ['40', '孙子、孙女或外孙子、外孙女'], ['41', '孙子'], ['42', '孙女'], ['43', '外孙子'], ['44', '外孙女'], ['45', '孙媳妇或外孙媳妇'],
  ['46', '孙女婿或外孙女婿'], ['47', '曾孙子或外曾孙子'], ['48', '曾孙女或外曾孙女'], ['49', '其他孙子、孙女或外孙子、外孙女'],
  ['50', '父母'], ['51', '父亲'], ['52', '母亲'], ['53', '公公'], ['54', '婆婆'], ['55', '岳父'], ['56', '岳母'], ['57', '继父或养父'],
  ['58', '继母或养母'], ['59', '其他父母关系'],
  ['60', '祖父母或外祖父母'], ['61', '祖父'], ['62', '祖母'], ['63', '外祖父'], ['64', '外祖母'], ['65', '配偶的祖父母或外祖父母'],
  ['66', '曾祖父'], ['67', '曾祖母'], ['68', '配偶的曾祖父母或外曾祖父母'], ['69', '其他祖父母或外祖父母关系'],
  ['70', '兄弟姐妹'], ['71', '兄'], ['72', '嫂'], ['73', '弟'], ['74', '弟媳'], ['75', '姐姐'], ['76', '姐夫'], ['77', '妹妹'], ['78', '妹夫'],
  ['79', '其他兄弟姐妹'],
  ['80', '其他'], ['81', '伯父'], ['82', '伯母'], ['83', '叔父'], ['84', '婶母'], ['85', '舅父'], ['86', '舅母'], ['87', '姨父'], ['88', '姨母'],
  ['89', '姑父'], ['90', '姑母'], ['91', '堂兄弟、堂姐妹'], ['92', '表兄弟、表姐妹'], ['93', '侄子'], ['94', '侄女'], ['95', '外甥'], ['96', '外甥女'],
  ['97', '其他亲属'], ['99', '非亲属'],
] as const;
/**
 * 家庭关系代码 (GB/T 4761-2008), used for 与户主关系. The head of a 家庭户 is '02' 户主; members of a
 * 集体户 have no head and carry no relation (null in the registry).
 */
export const RelationToHead = z.enum(codesOf(relations));
export type RelationToHead = z.infer<typeof RelationToHead>;
export const relationToHeadLabels: Record<RelationToHead, string> = labelsOf(relations);
export const HOUSEHOLD_HEAD: RelationToHead = '02';

// ---------------------------------------------------------------------------------------------------
// 血型, 宗教信仰 (no confirmed national code table: descriptive values)
// ---------------------------------------------------------------------------------------------------

/**
 * 血型 (ABO). Descriptive values because no public-security code table could be confirmed (public lists
 * disagree: 0 不明 / 1 A / 2 B / 3 O / 4 AB / 9 其他 in some, 5 不详 in the health-sector WS 364 table).
 */
export const BloodType = z.enum(['A', 'B', 'O', 'AB', 'other', 'unknown']);
export type BloodType = z.infer<typeof BloodType>;
export const bloodTypeLabels: Record<BloodType, string> = { A: 'A型', B: 'B型', O: 'O型', AB: 'AB型', other: '其他血型', unknown: '不明' };

/**
 * 宗教信仰, short list. Descriptive values because the numeric code tables found in public sources
 * disagree (e.g. 伊斯兰教 is 70 in one and 80 in another); map to the 公安部 table when it is at hand.
 * 基督教 is the Protestant church, as in Chinese usage.
 */
export const Religion = z.enum(['none', 'buddhism', 'taoism', 'islam', 'catholicism', 'christianity', 'other']);
export type Religion = z.infer<typeof Religion>;
export const religionLabels: Record<Religion, string> = {
  none: '无宗教信仰', buddhism: '佛教', taoism: '道教', islam: '伊斯兰教', catholicism: '天主教', christianity: '基督教', other: '其他',
};

// ---------------------------------------------------------------------------------------------------
// 职业 GB/T 6565-2015 (大类)
// ---------------------------------------------------------------------------------------------------

/**
 * 职业分类大类 (GB/T 6565-2015, 《职业分类大典》 2015). The registry keeps the 职业 as text (学生, 退休 … are
 * not occupations) plus this category when the person works.
 */
export const OccupationCategory = z.enum(['1', '2', '3', '4', '5', '6', '7', '8']);
export type OccupationCategory = z.infer<typeof OccupationCategory>;
export const occupationCategoryLabels: Record<OccupationCategory, string> = {
  '1': '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  '2': '专业技术人员',
  '3': '办事人员和有关人员',
  '4': '社会生产服务和生活服务人员',
  '5': '农、林、牧、渔业生产及辅助人员',
  '6': '生产制造及有关人员',
  '7': '军人',
  '8': '不便分类的其他从业人员',
};

// ---------------------------------------------------------------------------------------------------
// 户别 (household types)
// ---------------------------------------------------------------------------------------------------

/**
 * 户别: a 家庭户 (family household, with a 户主) or one of the 集体户 kinds (no 户主; the household is
 * named after the unit, school, talent centre or community that holds it). 部队 and 宗教场所 collective
 * households are registered as 单位集体户.
 */
export const HouseholdType = z.enum(['family', 'unit_collective', 'student_collective', 'talent_collective', 'community_collective']);
export type HouseholdType = z.infer<typeof HouseholdType>;
export const householdTypeLabels: Record<HouseholdType, string> = {
  family: '家庭户', unit_collective: '单位集体户', student_collective: '学生集体户', talent_collective: '人才集体户', community_collective: '社区集体户',
};
/** The two 户别 printed on the 居民户口簿. */
export type HouseholdKind = 'family' | 'collective';
export const householdKindLabels: Record<HouseholdKind, string> = { family: '家庭户', collective: '集体户' };
export const householdKindOf = (t: HouseholdType): HouseholdKind => (t === 'family' ? 'family' : 'collective');
