import {
  HAN_ETHNICITY, HOUSEHOLD_HEAD, jiangsuCities,
  type BloodType, type EducationLevel, type EthnicityCode, type HouseholdType, type IdSex, type MaritalStatus, type MilitaryServiceStatus,
  type OccupationCategory, type RelationToHead, type Religion,
} from '@jsga/contracts';
import { createRandom } from '@jsga/kernel';
import { allocateIdNumber, evenSegments, idNumberPrefix, jiangsuCountyCodes, type IdSegment } from '../registry/id-number.rules';

/**
 * Deterministic demo population of the 户政 registry: households (mostly 家庭户, a few 集体户 including
 * a 学生集体户 of a Nanjing university) spread over the given 派出所, each person with every item of the
 * 常住人口登记表. Pure: the same options give the same output; no I/O. ID numbers come from
 * `allocateIdNumber` against an even 号段 table per county, so the demo exercises the real allocation.
 *
 * Simplifications (demo data, not statistics): a person's ID address code is their 出生地, and 出生地 is
 * always a county that has one of the given stations; township and village names in rural addresses
 * and company names are invented; roads are real for the named Nanjing and Suzhou districts only.
 */

/** A 派出所 of the org tree: key (the org code), name and the county-level GB/T 2260 code it serves. */
export type PoliceStation = {
  key: string; name: string; regionCode: string;
  /** How many households it gets relative to the others (default 1): a demo may put more where it is shown. */
  weight?: number;
};

/** 住址 split into what a standard address will need later. */
export type AddressParts = {
  regionCode: string;
  /** 路/街 + 门牌, or 镇 + 村 + 组 + 门牌 in the countryside. */
  street: string;
  /** 幢/单元/室, empty for a rural house. */
  room: string;
};

/** One person with the items of the 常住人口登记表. Codes are the contracts' hukou dictionaries. */
export type DemoResident = {
  /** 公民身份号码 (GB 11643), unique. */
  idNumber: string;
  name: string;
  /** 曾用名. */
  formerName: string | null;
  sex: IdSex;
  ethnicity: EthnicityCode;
  /** YYYY-MM-DD, the one in the ID number. */
  birthDate: string;
  /** 出生地: county-level GB/T 2260 code (also the ID number's address code here). */
  birthPlaceCode: string;
  /** 籍贯: county-level GB/T 2260 code (usually the father's). */
  nativePlaceCode: string;
  religion: Religion;
  /** 文化程度; null before school age. */
  education: EducationLevel | null;
  maritalStatus: MaritalStatus;
  militaryService: MilitaryServiceStatus;
  heightCm: number;
  bloodType: BloodType;
  /** 职业 as registered (学生, 离退休人员 … included); null for small children. */
  occupation: string | null;
  /** GB/T 6565 大类 of the occupation when the person works. */
  occupationCategory: OccupationCategory | null;
  /** 服务处所: employer or school. */
  employer: string | null;
  /** 住址: the household's address. */
  address: string;
  householdNo: string;
  /** 与户主关系; null in a 集体户. */
  relationToHead: RelationToHead | null;
  /** Parents' numbers when they are in the demo population (出生申报 and consistency checks use them). */
  fatherIdNumber: string | null;
  motherIdNumber: string | null;
  /** Date registered in this household (at birth or on moving in). */
  registeredOn: string;
  /** Region code of the previous 户口 (何地迁来); null when registered at birth in this household. */
  previousRegionCode: string | null;
  /** The household's county and 派出所 (denormalised for queries). */
  regionCode: string;
  stationKey: string;
};

export type DemoHousehold = {
  /**
   * 户号, 9 digits: the county code without the province prefix 32 (4 digits, e.g. 0102 for 玄武区),
   * then a 5-digit serial within the county. Unique province-wide.
   */
  householdNo: string;
  type: HouseholdType;
  /** Name of a 集体户 (e.g. 南京大学学生集体户); null for a 家庭户. */
  name: string | null;
  /** The 户主 of a 家庭户; null for a 集体户. */
  headIdNumber: string | null;
  address: string;
  addressParts: AddressParts;
  regionCode: string;
  stationKey: string;
  /** 立户日期. */
  establishedOn: string;
  /** Members, 户主 first. */
  memberIdNumbers: string[];
};

export type DemoPopulation = {
  asOf: string;
  stations: PoliceStation[];
  /** The 号段 table the numbers were allocated from (one even split of 001–999 per county among its stations). */
  segments: IdSegment[];
  households: DemoHousehold[];
  persons: DemoResident[];
};

export type GeneratePopulationOptions = {
  /** Number of persons, exactly (default 3000). */
  persons?: number;
  seed?: number;
  /** 派出所 to spread households over (default `defaultPoliceStations`); region codes must be Jiangsu counties. */
  stations?: readonly PoliceStation[];
  /** The date the population is "as of" (ages, registration dates), default 2025-06-01. */
  asOf?: string;
};

/**
 * A default set of 派出所 over all 13 cities. The keys are the org codes the identity centre's demo org
 * tree gives the same stations (county code + 51NN00), so a caller may pass either.
 */
export const defaultPoliceStations: PoliceStation[] = [
  ['320102510100', '新街口派出所'], ['320102510200', '玄武门派出所'], ['320102510300', '梅园新村派出所'],
  ['320104510100', '夫子庙派出所'], ['320104510200', '朝天宫派出所'], ['320104510300', '双塘派出所'],
  ['320106510100', '宁海路派出所'], ['320106510200', '湖南路派出所'],
  ['320113510100', '栖霞城区派出所'], ['320113510200', '栖霞城郊派出所'],
  ['320115510100', '江宁城区派出所'],
  ['320508510100', '观前派出所'], ['320508510200', '平江派出所'],
  ['320213510100', '梁溪城区派出所'], ['320311510100', '泉山城区派出所'], ['320402510100', '天宁城区派出所'],
  ['320613510100', '崇川城区派出所'], ['320706510100', '海州城区派出所'], ['320812510100', '清江浦城区派出所'],
  ['320902510100', '亭湖城区派出所'], ['321002510100', '广陵城区派出所'], ['321102510100', '京口城区派出所'],
  ['321202510100', '海陵城区派出所'], ['321302510100', '宿城城区派出所'],
  ['321322510100', '沭阳城区派出所'], ['321322510200', '沭阳城郊派出所'],
].map(([key, name]) => ({ key, name, regionCode: key.slice(0, 6) }));

export const DEFAULT_AS_OF = '2025-06-01';

// ---------------------------------------------------------------------------------------------------
// Reference data of the generator
// ---------------------------------------------------------------------------------------------------

/** Common surnames, roughly by frequency (Jiangsu-flavoured); picked with a skew towards the front. */
const surnames = [...
  '王李张陈刘徐朱周吴孙杨黄赵胡马郭何高林顾沈陆钱蒋许韩冯邓曹彭曾蔡潘田董袁于余叶程苏魏吕丁任姚卢姜崔钟谭汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶贺毛郝龚邵万严武戴孔汤缪储葛殷'];
const compoundSurnames = ['欧阳', '司马', '诸葛', '上官', '东方'];

/** Given names by birth cohort and sex. */
const givenNames: Array<{ until: number; male: string[]; female: string[] }> = [
  { until: 1959, male: ['建国', '建华', '国强', '国庆', '卫国', '志强', '振华', '德明', '福生', '宝山', '长林', '永康', '金龙', '家骏', '树林', '德胜', '学文', '有才'],
    female: ['秀英', '桂英', '玉兰', '凤英', '淑珍', '桂兰', '秀兰', '玉珍', '素芳', '翠华', '兰英', '月娥', '秀珍', '桂芳', '菊英', '美华'] },
  { until: 1979, male: ['伟', '军', '勇', '磊', '强', '斌', '峰', '建军', '红兵', '海波', '立新', '晓东', '志刚', '文华', '国平', '卫东', '建平', '永红'],
    female: ['红', '丽', '萍', '燕', '芳', '霞', '敏', '丽华', '红梅', '晓红', '海燕', '春燕', '美玲', '雪梅', '秀梅', '玉梅', '晓燕', '丽娟'] },
  { until: 1999, male: ['杰', '浩', '鹏', '俊', '超', '涛', '亮', '俊杰', '志伟', '文博', '浩然', '晓峰', '家豪', '子健', '宇', '天宇', '明轩', '晨阳'],
    female: ['婷', '静', '倩', '雪', '琳', '丹', '颖', '婷婷', '晶晶', '思雨', '雅琴', '晓雯', '佳怡', '梦洁', '慧敏', '雨婷', '欣然', '文静'] },
  { until: 9999, male: ['子轩', '浩宇', '宇轩', '俊熙', '梓豪', '睿', '一鸣', '沐辰', '铭泽', '宇航', '子墨', '思远', '博文', '奕辰', '皓轩', '锦程', '承泽', '嘉树'],
    female: ['梓涵', '欣怡', '诗涵', '一诺', '梓萱', '雨桐', '可馨', '若曦', '思琪', '语嫣', '芷若', '欣妍', '佳琪', '梦瑶', '紫涵', '沐晴', '安然', '语桐'] },
];

const minorityEthnicities: EthnicityCode[] = ['03', '03', '03', '03', '11', '11', '02', '06', '08', '15', '10', '04', '14'];

/** Roads of named districts; elsewhere a generic list. */
const roadsByCounty: Record<string, string[]> = {
  '320102': ['北京东路', '珠江路', '长江路', '龙蟠路', '太平北路', '中山东路', '玄武大道', '中山路'],
  '320104': ['中华路', '建康路', '太平南路', '升州路', '集庆路', '瑞金路', '御道街', '长乐路', '大光路'],
  '320106': ['中山北路', '北京西路', '广州路', '湖南路', '宁海路', '虎踞路', '汉口路', '草场门大街', '山西路'],
  '320113': ['仙林大道', '文苑路', '和燕路', '栖霞大道'],
  '320115': ['双龙大道', '天元中路', '胜太路', '竹山路'],
  '320508': ['人民路', '干将路', '十全街', '凤凰街', '景德路', '道前街'],
};
const genericRoads = ['人民路', '解放路', '建设路', '文化路', '新华路', '青年路', '和平路', '长江路', '健康路', '工农路', '迎宾大道', '环城路'];
const townships = ['城东', '城西', '新集', '河口', '陈集', '王集', '李庄', '张圩', '高墩', '三河'];
const villageWords = ['新华', '红星', '先锋', '幸福', '胜利', '团结', '光明', '永丰', '东风', '前进'];
const communityWords = ['和平', '幸福', '光华', '长青', '文苑', '翠竹', '康乐', '兴隆', '阳光', '锦绣'];
const companyWords = ['恒通', '华瑞', '博远', '鼎盛', '新宇', '安泰', '启明', '嘉禾', '远航', '德信', '中科', '苏润'];
const industries = ['科技', '贸易', '建设工程', '物流', '餐饮管理', '文化传媒', '信息技术', '电子', '机械制造', '生物医药'];

/** A real university per city, for students who live at home. */
const universityOfCity: Record<string, string> = {
  '320100': '南京理工大学', '320200': '江南大学', '320300': '中国矿业大学', '320400': '常州大学', '320500': '苏州大学', '320600': '南通大学',
  '320700': '江苏海洋大学', '320800': '淮阴师范学院', '320900': '盐城师范学院', '321000': '扬州大学', '321100': '江苏大学', '321200': '泰州学院',
  '321300': '宿迁学院',
};

/** Nanjing campuses that can hold the 学生集体户, in order of preference. */
const nanjingCampuses = [
  { regionCode: '320113', university: '南京大学', street: '仙林大道163号' },
  { regionCode: '320106', university: '南京师范大学', street: '宁海路122号' },
  { regionCode: '320102', university: '东南大学', street: '四牌楼2号' },
  { regionCode: '320104', university: '南京航空航天大学', street: '御道街29号' },
];

type Job = { occupation: string; category: OccupationCategory; employer: 'company' | 'hospital' | 'school' | 'government' | 'self' | 'none' };
const skilledJobs: Job[] = [
  { occupation: '软件工程师', category: '2', employer: 'company' }, { occupation: '工程技术人员', category: '2', employer: 'company' },
  { occupation: '教师', category: '2', employer: 'school' }, { occupation: '医生', category: '2', employer: 'hospital' },
  { occupation: '护士', category: '2', employer: 'hospital' }, { occupation: '会计', category: '2', employer: 'company' },
  { occupation: '公务员', category: '3', employer: 'government' }, { occupation: '企业职员', category: '3', employer: 'company' },
  { occupation: '企业负责人', category: '1', employer: 'company' }, { occupation: '销售人员', category: '4', employer: 'company' },
];
const otherJobs: Job[] = [
  { occupation: '销售人员', category: '4', employer: 'company' }, { occupation: '个体工商户', category: '4', employer: 'self' },
  { occupation: '快递员', category: '4', employer: 'company' }, { occupation: '厨师', category: '4', employer: 'company' },
  { occupation: '保安员', category: '4', employer: 'company' }, { occupation: '驾驶员', category: '4', employer: 'company' },
  { occupation: '电工', category: '6', employer: 'company' }, { occupation: '机械操作工', category: '6', employer: 'company' },
  { occupation: '建筑工人', category: '6', employer: 'company' }, { occupation: '企业职员', category: '3', employer: 'company' },
];
const farmer: Job = { occupation: '农民', category: '5', employer: 'none' };

// ---------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const toDays = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);
/** The same day `years` later (29 February becomes 28 February in a common year). */
const addYears = (iso: string, years: number) => {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5) === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? '02-28' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
};
const addDays = (iso: string, days: number) => fromDays(toDays(iso) + days);
/** Whole years between two dates. */
export const ageOn = (birthDate: string, on: string) => Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (on.slice(5) < birthDate.slice(5) ? 1 : 0);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------------

type Draft = Omit<DemoResident, 'address' | 'householdNo' | 'relationToHead' | 'registeredOn' | 'previousRegionCode' | 'regionCode' | 'stationKey'>;
/** A person on their way into a household; `earliest` bounds the registration date (an in-law joins after marrying). */
type Member = { p: Draft; relation: RelationToHead | null; previousRegionCode: string | null; bornHere: boolean; earliest?: string };

const cityOfCounty = new Map(jiangsuCities.flatMap((city) => city.counties.map((county) => [county.code, { city, county }] as const)));
/** 区 are written with their city (南京市玄武区); 县 and 县级市 stand alone (沭阳县). */
const countyTitle = (code: string) => {
  const { city, county } = cityOfCounty.get(code)!;
  return county.name.endsWith('区') ? `${city.name}${county.name}` : county.name;
};
const isRuralCounty = (code: string) => cityOfCounty.get(code)!.county.name.endsWith('县');

/**
 * Builds the demo population. Throws (a programming error of the caller, not a business result) when
 * a station's region code is not a Jiangsu county or no station is given.
 */
export function generatePopulation(opts: GeneratePopulationOptions = {}): DemoPopulation {
  const total = opts.persons ?? 3000;
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const stations = [...(opts.stations ?? defaultPoliceStations)];
  if (stations.length === 0) throw new Error('generatePopulation needs at least one police station');
  for (const s of stations) if (!jiangsuCountyCodes.has(s.regionCode)) throw new Error(`station ${s.key}: ${s.regionCode} is not a Jiangsu county code`);
  const r = createRandom(opts.seed ?? 20250601);

  // 号段: 001–999 of every county with stations, split evenly among them in input order
  const stationsByCounty = new Map<string, PoliceStation[]>();
  for (const s of stations) stationsByCounty.set(s.regionCode, [...(stationsByCounty.get(s.regionCode) ?? []), s]);
  const counties = [...stationsByCounty.keys()];
  const segments = counties.flatMap((code) => evenSegments(code, stationsByCounty.get(code)!.map((s) => s.key)));

  const used = new Map<string, Set<number>>();
  const households: DemoHousehold[] = [];
  const persons: DemoResident[] = [];
  const addresses = new Set<string>();
  const householdSerial = new Map<string, number>();

  // --- small helpers over the seeded PRNG --------------------------------------------------------
  const chance = (p: number) => r.next() < p;
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    let x = r.next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1][0];
  };
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
  const dateBetween = (from: string, to: string) => fromDays(r.int(toDays(from), Math.max(toDays(from), toDays(to))));
  /** A birth date for someone aged between min and max years on asOf. */
  const birthForAge = (min: number, max: number) => dateBetween(addDays(addYears(asOf, -max - 1), 1), addYears(asOf, -min));

  const surname = () => (chance(0.01) ? r.pick(compoundSurnames) : surnames[Math.floor(surnames.length * r.next() ** 1.7)]);
  const givenName = (sex: IdSex, birthDate: string) => {
    const cohort = givenNames.find((g) => Number(birthDate.slice(0, 4)) <= g.until)!;
    return r.pick(sex === '1' ? cohort.male : cohort.female);
  };
  const otherCounty = () => r.pick(counties);
  const pickStation = () => weighted(stations.map((s) => [s, s.weight ?? 1] as const));

  /** Allocates through the 号段 rules: a random station of the birth county registers the birth. */
  const assignIdNumber = (addressCode: string, birthDate: string, sex: IdSex) => {
    const prefix = idNumberPrefix(addressCode, birthDate);
    let taken = used.get(prefix);
    if (!taken) {
      // earlier registrations of the same day that are not in the demo (moved away, died): gaps in the sequence
      taken = new Set(Array.from({ length: r.int(0, 6) }, () => r.int(1, 999)));
      used.set(prefix, taken);
    }
    const local = stationsByCounty.get(addressCode)!;
    const start = r.int(0, local.length - 1);
    for (let i = 0; i < local.length; i++) {
      const station = local[(start + i) % local.length];
      const result = allocateIdNumber({ addressCode, birthDate, sex, stationKey: station.key, segments, used: taken, today: asOf });
      if (result.ok) { taken.add(result.sequence); return result.idNumber; }
      if (result.code !== 'segment_exhausted') throw new Error(`ID allocation failed: ${result.reason}`);
    }
    throw new Error(`ID allocation failed: every 号段 of ${addressCode} is exhausted for ${birthDate}`);
  };

  const ethnicity = () => (chance(0.985) ? HAN_ETHNICITY : r.pick(minorityEthnicities));
  const religion = (eth: EthnicityCode, years: number): Religion => {
    if (eth === '03' && chance(0.7)) return 'islam';
    if (years < 18) return 'none';
    return weighted([['none', 92], ['buddhism', 4], ['christianity', 2.4], ['catholicism', 0.6], ['taoism', 0.6], ['other', 0.4]] as const);
  };
  const bloodType = (): BloodType => weighted([['O', 33], ['A', 30], ['B', 27], ['AB', 7], ['unknown', 2.7], ['other', 0.3]] as const);

  /** Height by age and sex: growth medians for children, cohort means for adults, a little shrinking after 70. */
  const boys = [62, 76, 88, 96, 104, 111, 118, 124, 130, 135, 140, 146, 152, 159, 165, 169, 171, 172];
  const girls = [61, 75, 87, 95, 103, 110, 117, 123, 129, 134, 140, 146, 152, 156, 158, 159, 160, 160];
  const height = (sex: IdSex, birthDate: string) => {
    const years = ageOn(birthDate, asOf);
    if (years < 18) return Math.round(normal((sex === '1' ? boys : girls)[years], years < 2 ? 3 : 4.5));
    const y = Number(birthDate.slice(0, 4));
    const mean = (sex === '1' ? 167 : 156) + (y >= 1960 ? 2 : 0) + (y >= 1980 ? 3 : 0) - (years > 70 ? 2 : 0);
    return Math.round(Math.min(Math.max(normal(mean, sex === '1' ? 6 : 5.5), mean - 20), mean + 22));
  };

  const education = (birthDate: string): EducationLevel | null => {
    const years = ageOn(birthDate, asOf);
    if (years < 6) return null;
    if (years < 12) return '80';
    if (years < 15) return '70';
    if (years < 18) return chance(0.75) ? '60' : '40';
    const y = Number(birthDate.slice(0, 4));
    const table: ReadonlyArray<readonly [EducationLevel, number]> =
      y < 1950 ? [['80', 40], ['90', 25], ['70', 25], ['60', 7], ['30', 3]]
      : y < 1965 ? [['70', 40], ['80', 20], ['60', 25], ['40', 5], ['30', 7], ['20', 3]]
      : y < 1980 ? [['70', 30], ['60', 25], ['40', 12], ['30', 18], ['20', 13], ['10', 2]]
      : y < 1995 ? [['60', 15], ['70', 12], ['40', 10], ['30', 28], ['20', 30], ['10', 5]]
      : [['60', 10], ['70', 5], ['40', 10], ['30', 30], ['20', 37], ['10', 8]];
    const level = weighted(table);
    return level === '10' && years < 24 ? '20' : level;
  };

  const military = (sex: IdSex, birthDate: string): MilitaryServiceStatus => {
    const years = ageOn(birthDate, asOf);
    if (years < 18) return '0';
    if (sex === '2') return chance(0.003) ? '1' : '0';
    if (years >= 21 && years <= 75 && chance(0.06)) return '1';
    if (years <= 35 && chance(0.01)) return '2';
    return '0';
  };

  const companyName = (regionCode: string) =>
    `${cityOfCounty.get(regionCode)!.city.name.replace(/市$/, '')}${r.pick(companyWords)}${r.pick(industries)}有限公司`;
  const employerFor = (job: Job, regionCode: string): string | null => {
    const { city } = cityOfCounty.get(regionCode)!;
    switch (job.employer) {
      case 'company': return companyName(regionCode);
      case 'hospital': return r.pick([`${city.name}第一人民医院`, `${city.name}中医院`, `${countyTitle(regionCode)}人民医院`]);
      case 'school': return r.pick([`${countyTitle(regionCode)}实验小学`, `${city.name}第${r.pick(['一', '二', '三', '四', '十'])}中学`]);
      case 'government': return `${countyTitle(regionCode)}人民政府`;
      case 'self': return '个体经营';
      case 'none': return null;
    }
  };
  /** 职业 and 服务处所 by age, sex, schooling and place. */
  const work = (p: Pick<Draft, 'sex' | 'birthDate' | 'education'>, regionCode: string): Pick<Draft, 'occupation' | 'occupationCategory' | 'employer'> => {
    const years = ageOn(p.birthDate, asOf);
    const { city } = cityOfCounty.get(regionCode)!;
    if (years < 6) return { occupation: null, occupationCategory: null, employer: null };
    if (years < 12) return { occupation: '学生', occupationCategory: null, employer: `${countyTitle(regionCode)}实验小学` };
    if (years < 18) return { occupation: '学生', occupationCategory: null, employer: `${city.name}第${r.pick(['一', '二', '三', '十'])}中学` };
    if (years <= 22 && (p.education === '20' || p.education === '30') && chance(0.7))
      return { occupation: '学生', occupationCategory: null, employer: universityOfCity[city.code] ?? null };
    const rural = isRuralCounty(regionCode);
    if (years >= (p.sex === '1' ? 60 : 55)) return rural && chance(0.6) ? { occupation: '农民', occupationCategory: '5', employer: null } : { occupation: '离退休人员', occupationCategory: null, employer: null };
    if (chance(0.05)) return { occupation: '无业', occupationCategory: null, employer: null };
    const skilled = p.education === '10' || p.education === '20' || p.education === '30';
    const job = rural && !skilled && chance(0.5) ? farmer : r.pick(skilled ? skilledJobs : otherJobs);
    return { occupation: job.occupation, occupationCategory: job.category, employer: employerFor(job, regionCode) };
  };

  /** A new person: ID number allocated, name, and the items that depend only on the person. */
  const person = (p: { sex: IdSex; birthDate: string; birthPlaceCode: string; surname?: string; ethnicity?: EthnicityCode; nativePlaceCode?: string;
    maritalStatus: MaritalStatus; regionCode: string; father?: Draft; mother?: Draft }): Draft => {
    const idNumber = assignIdNumber(p.birthPlaceCode, p.birthDate, p.sex);
    const family = p.surname ?? surname();
    const eth = p.ethnicity ?? ethnicity();
    const name = family + givenName(p.sex, p.birthDate);
    const former = ageOn(p.birthDate, asOf) >= 16 && chance(0.02) ? family + givenName(p.sex, p.birthDate) : null;
    const draft: Draft = {
      idNumber, name, formerName: former === name ? null : former,
      sex: p.sex, ethnicity: eth, birthDate: p.birthDate, birthPlaceCode: p.birthPlaceCode,
      nativePlaceCode: p.nativePlaceCode ?? (chance(0.75) ? p.birthPlaceCode : otherCounty()),
      religion: religion(eth, ageOn(p.birthDate, asOf)), education: education(p.birthDate), maritalStatus: p.maritalStatus,
      militaryService: military(p.sex, p.birthDate), heightCm: height(p.sex, p.birthDate), bloodType: bloodType(),
      occupation: null, occupationCategory: null, employer: null,
      fatherIdNumber: p.father?.idNumber ?? null, motherIdNumber: p.mother?.idNumber ?? null,
    };
    return { ...draft, ...work(draft, p.regionCode) };
  };
  const surnameFrom = (name: string) => (compoundSurnames.some((s) => name.startsWith(s)) ? name.slice(0, 2) : name.slice(0, 1));
  const birthPlace = (regionCode: string, local: number) => (chance(local) ? regionCode : otherCounty());

  /**
   * A child of one or two parents: born at least 21 years after the younger parent, before the mother
   * (or the only parent) turns 40, and not before `after` (the previous sibling). Null when impossible.
   */
  const child = (parents: { father?: Draft; mother?: Draft }, after: string, regionCode: string): Draft | null => {
    const ref = parents.mother ?? parents.father!;
    const younger = maxDate(parents.father?.birthDate ?? '0000-01-01', parents.mother?.birthDate ?? '0000-01-01');
    const from = maxDate(after, addYears(younger, 21));
    const to = minDate(addYears(ref.birthDate, 40), asOf);
    if (from > to) return null;
    const lineage = parents.father ?? ref;
    const mother = parents.mother;
    return person({
      sex: chance(0.52) ? '1' : '2', birthDate: dateBetween(from, minDate(to, addYears(from, 8))), birthPlaceCode: birthPlace(regionCode, 0.92),
      surname: surnameFrom(mother && parents.father && chance(0.05) ? mother.name : lineage.name),
      ethnicity: mother && mother.ethnicity !== HAN_ETHNICITY && chance(0.5) ? mother.ethnicity : lineage.ethnicity,
      nativePlaceCode: lineage.nativePlaceCode, maritalStatus: '10', regionCode, father: parents.father, mother,
    });
  };
  const children = (parents: { father?: Draft; mother?: Draft }, count: number, regionCode: string) => {
    const out: Draft[] = [];
    let after = '0000-01-01';
    for (let i = 0; i < count; i++) {
      const k = child(parents, after, regionCode);
      if (!k) break;
      out.push(k);
      after = addDays(k.birthDate, r.int(300, 1500));
    }
    return out;
  };

  const legalAge = (sex: IdSex) => (sex === '1' ? 22 : 21);
  const marriedStatus = (): MaritalStatus => (chance(0.94) ? '20' : '22');
  /**
   * A married couple, the husband usually a little older (−2 to +6 years), both of legal age. With
   * `parents`, the spouse of sex `side` is their child (surname, ethnicity, 籍贯 and links from them,
   * born 22–36 years after the younger parent); otherwise the husband is aged minAge–maxAge.
   */
  const couple = (minAge: number, maxAge: number, regionCode: string, parents?: { father: Draft; mother: Draft; side: IdSex }) => {
    const anchorSex: IdSex = parents?.side ?? '1';
    const otherSex: IdSex = anchorSex === '1' ? '2' : '1';
    const anchorBirth = parents
      ? minDate(dateBetween(addYears(maxDate(parents.father.birthDate, parents.mother.birthDate), 22), addYears(maxDate(parents.father.birthDate, parents.mother.birthDate), 36)), addYears(asOf, -legalAge(anchorSex)))
      : birthForAge(Math.max(minAge, legalAge(anchorSex)), maxAge);
    const gap = r.int(-2, 6) * (anchorSex === '1' ? 1 : -1);
    const otherBirth = minDate(addDays(addYears(anchorBirth, gap), r.int(-150, 150)), addYears(asOf, -legalAge(otherSex)));
    const anchor = person({ sex: anchorSex, birthDate: anchorBirth, birthPlaceCode: birthPlace(regionCode, 0.6), maritalStatus: marriedStatus(), regionCode,
      ...(parents ? { surname: surnameFrom(parents.father.name), ethnicity: parents.father.ethnicity, nativePlaceCode: parents.father.nativePlaceCode, father: parents.father, mother: parents.mother } : {}) });
    const other = person({ sex: otherSex, birthDate: otherBirth, birthPlaceCode: birthPlace(regionCode, 0.6), maritalStatus: marriedStatus(), regionCode });
    return anchorSex === '1' ? { husband: anchor, wife: other } : { husband: other, wife: anchor };
  };

  /** 与户主关系 of the head's children: 独生子/独生女 when alone, else 长子/次子/… and 长女/次女/… by birth order. */
  const childRelations = (kids: Draft[]): RelationToHead[] => {
    if (kids.length === 1) return [kids[0].sex === '1' ? '21' : '31'];
    const sons = ['22', '23', '24', '25', '26'] as const, daughters = ['32', '33', '34', '35', '36'] as const;
    const byAge = [...kids].sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    return kids.map((k) => (k.sex === '1' ? sons : daughters)[Math.min(byAge.filter((x) => x.sex === k.sex).indexOf(k), 4)]);
  };

  const nextHouseholdNo = (regionCode: string) => {
    const next = (householdSerial.get(regionCode) ?? r.int(1000, 4000)) + r.int(1, 6);
    if (next > 99_999) throw new Error(`too many households in ${regionCode} for the 5-digit 户号 serial`);
    householdSerial.set(regionCode, next);
    return `${regionCode.slice(2)}${String(next).padStart(5, '0')}`;
  };

  const fullAddress = (a: AddressParts) => `江苏省${countyTitle(a.regionCode)}${a.street}${a.room}`;
  const roadNumber = (regionCode: string) => `${r.pick(roadsByCounty[regionCode] ?? genericRoads)}${r.int(1, 400)}号`;
  /** A home address not used by another household: a flat in town, or half the time a village house in a 县. */
  const homeAddress = (regionCode: string): AddressParts => {
    for (;;) {
      const parts: AddressParts = isRuralCounty(regionCode) && chance(0.5)
        ? { regionCode, street: `${r.pick(townships)}镇${r.pick(villageWords)}村${r.int(1, 12)}组${r.int(1, 80)}号`, room: '' }
        : { regionCode, street: roadNumber(regionCode), room: `${r.int(1, 30)}幢${r.int(1, 3)}单元${r.int(1, 18)}0${r.int(1, 4)}室` };
      const full = fullAddress(parts);
      if (!addresses.has(full)) { addresses.add(full); return parts; }
    }
  };

  /**
   * Writes a household and its members (户主 first, then by relation code). Unless `registeredOn` says
   * otherwise, a member born here after 立户 was registered at birth (within a month); everyone else on
   * 立户, or later when born later or joining later (`earliest`).
   */
  const emit = (h: { type: HouseholdType; name: string | null; station: PoliceStation; parts: AddressParts; establishedOn: string; members: Member[];
    registeredOn?: (m: Member) => string }) => {
    const householdNo = nextHouseholdNo(h.station.regionCode);
    const address = fullAddress(h.parts);
    const members = [...h.members].sort((a, b) => (a.relation ?? '99').localeCompare(b.relation ?? '99'));
    for (const m of members) {
      const atBirth = m.bornHere && m.p.birthDate >= h.establishedOn;
      const joined = m.earliest ? dateBetween(m.earliest, minDate(addYears(m.earliest, 8), asOf)) : addDays(m.p.birthDate, r.int(3, 30));
      const registeredOn = minDate(h.registeredOn?.(m) ?? (atBirth ? addDays(m.p.birthDate, r.int(3, 30)) : maxDate(h.establishedOn, joined)), asOf);
      persons.push({ ...m.p, address, householdNo, relationToHead: m.relation, registeredOn,
        previousRegionCode: atBirth ? null : m.previousRegionCode ?? h.station.regionCode, regionCode: h.station.regionCode, stationKey: h.station.key });
    }
    households.push({ householdNo, type: h.type, name: h.name, headIdNumber: h.type === 'family' ? members[0].p.idNumber : null, address,
      addressParts: h.parts, regionCode: h.station.regionCode, stationKey: h.station.key, establishedOn: h.establishedOn,
      memberIdNumbers: members.map((m) => m.p.idNumber) });
  };

  // --- 家庭户 ------------------------------------------------------------------------------------
  type Template = 'single' | 'couple' | 'nuclear' | 'with_parents' | 'three_generations' | 'single_parent';
  /** One family household of at most `room` persons. */
  const family = (station: PoliceStation, room: number) => {
    const regionCode = station.regionCode;
    let template: Template = weighted([['single', 10], ['couple', 16], ['nuclear', 50], ['with_parents', 10], ['three_generations', 9], ['single_parent', 5]] as const);
    if (room < 5 && (template === 'with_parents' || template === 'three_generations')) template = 'nuclear';
    if (room < 3 && (template === 'nuclear' || template === 'single_parent')) template = 'couple';
    if (room < 2) template = 'single';
    const members: Member[] = [];
    /** Adds a member; one born in this county is taken as registered here at birth when born after 立户. */
    const add = (p: Draft, relation: RelationToHead, local = false, earliest?: string) =>
      members.push({ p, relation, bornHere: local && p.birthPlaceCode === regionCode, previousRegionCode: local ? null : p.birthPlaceCode, earliest });
    const addChildren = (kids: Draft[], relations: RelationToHead[]) => kids.forEach((k, i) => add(k, relations[i], true));
    const spouseRelation = (spouse: Draft): RelationToHead => (spouse.sex === '1' ? '11' : '12');
    /** Head and spouse: the husband three times out of four. */
    const addCouple = (c: { husband: Draft; wife: Draft }, husbandHeads = 0.75) => {
      const [head, spouse] = chance(husbandHeads) ? [c.husband, c.wife] : [c.wife, c.husband];
      add(head, HOUSEHOLD_HEAD); add(spouse, spouseRelation(spouse));
      return head;
    };
    let adultSince: string; // the youngest founder's 22nd birthday: 立户 is not earlier

    if (template === 'single') {
      const sex: IdSex = chance(0.5) ? '1' : '2';
      const birthDate = birthForAge(20, 90);
      const years = ageOn(birthDate, asOf);
      const status: MaritalStatus = years < 30 ? (chance(0.9) ? '10' : '40')
        : years < 60 ? weighted([['10', 40], ['40', 50], ['30', 10]] as const) : weighted([['30', 75], ['40', 20], ['10', 5]] as const);
      add(person({ sex, birthDate, birthPlaceCode: birthPlace(regionCode, 0.6), maritalStatus: status, regionCode }), HOUSEHOLD_HEAD);
      adultSince = addYears(birthDate, 18);
    } else if (template === 'couple' || template === 'nuclear') {
      const c = template === 'couple' ? couple(23, 88, regionCode) : couple(24, 62, regionCode);
      addCouple(c);
      if (template === 'nuclear') {
        const kids = children({ father: c.husband, mother: c.wife }, Math.min(room - 2, weighted([[1, 55], [2, 38], [3, 7]] as const)), regionCode);
        addChildren(kids, childRelations(kids));
      }
      adultSince = addYears(maxDate(c.husband.birthDate, c.wife.birthDate), 22);
    } else if (template === 'single_parent') {
      const sex: IdSex = chance(0.7) ? '2' : '1';
      const parent = person({ sex, birthDate: birthForAge(30, 55), birthPlaceCode: birthPlace(regionCode, 0.6), maritalStatus: chance(0.8) ? '40' : '30', regionCode });
      add(parent, HOUSEHOLD_HEAD);
      const kids = children(sex === '1' ? { father: parent } : { mother: parent }, Math.min(room - 1, chance(0.8) ? 1 : 2), regionCode);
      addChildren(kids, childRelations(kids));
      adultSince = addYears(parent.birthDate, 22);
    } else if (template === 'with_parents') {
      // the parents of the head, or of the spouse, live with the family; one of them may have died
      const fatherBirth = birthForAge(55, 88);
      const grandFather = person({ sex: '1', birthDate: fatherBirth, birthPlaceCode: birthPlace(regionCode, 0.5), maritalStatus: '20', regionCode });
      const grandMother = person({ sex: '2', birthDate: minDate(addDays(addYears(fatherBirth, r.int(0, 5)), r.int(-100, 100)), addYears(asOf, -50)),
        birthPlaceCode: birthPlace(regionCode, 0.5), maritalStatus: '20', regionCode });
      const side: IdSex = chance(0.8) ? '1' : '2';
      const c = couple(24, 62, regionCode, { father: grandFather, mother: grandMother, side });
      const head = addCouple(c);
      const theirChild = side === '1' ? c.husband : c.wife;
      const own = head === theirChild;
      const deceased = chance(0.35) ? r.pick(['father', 'mother'] as const) : null;
      if (deceased === 'father') theirChild.fatherIdNumber = null;
      if (deceased === 'mother') theirChild.motherIdNumber = null;
      if (deceased !== 'father') add(deceased ? { ...grandFather, maritalStatus: '30' } : grandFather, own ? '51' : head.sex === '1' ? '55' : '53');
      if (deceased !== 'mother') add(deceased ? { ...grandMother, maritalStatus: '30' } : grandMother, own ? '52' : head.sex === '1' ? '56' : '54');
      const kids = children({ father: c.husband, mother: c.wife }, Math.min(room - members.length, chance(0.7) ? 1 : 2), regionCode);
      addChildren(kids, childRelations(kids));
      adultSince = addYears(maxDate(c.husband.birthDate, c.wife.birthDate), 22);
    } else {
      // three generations: the head couple, a married son (with 儿媳) or daughter (with 女婿), grandchildren
      const seniors = couple(50, 72, regionCode);
      addCouple(seniors, 0.8);
      const sonsSide = chance(0.7);
      const juniors = couple(24, 45, regionCode, { father: seniors.husband, mother: seniors.wife, side: sonsSide ? '1' : '2' });
      const [own, inLaw] = sonsSide ? [juniors.husband, juniors.wife] : [juniors.wife, juniors.husband];
      add(own, sonsSide ? '20' : '30', true);
      add(inLaw, sonsSide ? '38' : '28', false, addYears(maxDate(juniors.husband.birthDate, juniors.wife.birthDate), 22));
      const grandchildren = children({ father: juniors.husband, mother: juniors.wife }, Math.min(room - members.length, chance(0.75) ? 1 : 2), regionCode);
      addChildren(grandchildren, grandchildren.map((k) => (sonsSide ? (k.sex === '1' ? '41' : '42') : k.sex === '1' ? '43' : '44')));
      adultSince = addYears(maxDate(seniors.husband.birthDate, seniors.wife.birthDate), 22);
    }
    const floor = maxDate(adultSince, '1985-01-01');
    const establishedOn = minDate(dateBetween(floor, minDate(addYears(floor, 15), asOf)), asOf);
    emit({ type: 'family', name: null, station, parts: homeAddress(regionCode), establishedOn, members });
  };

  // --- 集体户 -------------------------------------------------------------------------------------
  type CollectiveKind = 'student' | 'unit' | 'talent' | 'community';
  /** A member of a 集体户: no relation to a head; came from their birthplace county. */
  const collectiveMember = (kind: CollectiveKind, p: { minAge: number; maxAge: number; regionCode: string; married: number; employer?: string }): Member => {
    const sex: IdSex = chance(0.5) ? '1' : '2';
    // students: undergraduates (18–22) outnumber postgraduates
    const birthDate = kind === 'student' && chance(0.7) ? birthForAge(p.minAge, 22) : birthForAge(p.minAge, p.maxAge);
    const status: MaritalStatus = ageOn(birthDate, asOf) >= legalAge(sex) && chance(p.married) ? '20' : '10';
    const d = person({ sex, birthDate, birthPlaceCode: otherCounty(), maritalStatus: status, regionCode: p.regionCode });
    if (kind === 'student') {
      d.education = ageOn(birthDate, asOf) >= 23 ? '10' : '20';
      Object.assign(d, { occupation: '学生', occupationCategory: null, employer: p.employer ?? null });
    } else if (kind === 'unit' || kind === 'talent') {
      if (kind === 'talent' || d.education === null || Number(d.education) >= 60) d.education = weighted([['20', 60], ['30', 25], ['10', 15]] as const);
      const job = r.pick(skilledJobs.filter((j) => j.employer === 'company'));
      Object.assign(d, { occupation: job.occupation, occupationCategory: job.category, employer: p.employer ?? companyName(p.regionCode) });
    }
    return { p: d, relation: null, previousRegionCode: d.birthPlaceCode, bornHere: false };
  };
  const collective = (kind: CollectiveKind, type: HouseholdType, name: string, station: PoliceStation, street: string, size: number,
    p: { minAge: number; maxAge: number; married: number; employer?: string }, registeredOn?: (m: Member) => string) => {
    const establishedOn = dateBetween('1995-01-01', '2015-12-31');
    const members = Array.from({ length: size }, () => collectiveMember(kind, { ...p, regionCode: station.regionCode }));
    // joined after 立户 and once grown up, unless told otherwise
    const joined = registeredOn ?? ((m: Member) => minDate(dateBetween(maxDate(establishedOn, addYears(m.p.birthDate, 18)), asOf), asOf));
    emit({ type, name, station, parts: { regionCode: station.regionCode, street, room: '' }, establishedOn, members, registeredOn: joined });
  };

  let budget = Math.floor(total * 0.08);
  const take = (want: number) => { const n = Math.max(0, Math.min(want, budget)); budget -= n; return n; };

  const campus = nanjingCampuses.find((c) => stationsByCounty.has(c.regionCode));
  const students = campus ? take(Math.max(8, Math.round(total * 0.035))) : 0;
  if (campus && students >= 2) {
    const thisYear = Number(asOf.slice(0, 4)) - (asOf.slice(5) < '09-01' ? 1 : 0); // the latest September that has passed
    collective('student', 'student_collective', `${campus.university}学生集体户`, stationsByCounty.get(campus.regionCode)![0], campus.street, students,
      { minAge: 18, maxAge: 27, married: 0, employer: campus.university },
      (m) => {
        // moved in at enrolment: at 18 for undergraduates, 22 for postgraduates
        const enrolment = Math.min(Number(m.p.birthDate.slice(0, 4)) + (m.p.education === '10' ? 22 : 18), thisYear);
        return `${enrolment}-09-${String(r.int(1, 10)).padStart(2, '0')}`;
      });
  }
  for (let i = 0; i < 2; i++) {
    const n = take(r.int(4, 10));
    if (n < 2) break;
    const station = pickStation();
    const unit = companyName(station.regionCode);
    collective('unit', 'unit_collective', `${unit}集体户`, station, roadNumber(station.regionCode), n, { minAge: 22, maxAge: 45, married: 0.3, employer: unit });
  }
  const talents = take(r.int(5, 12));
  if (talents >= 2) {
    const station = pickStation();
    collective('talent', 'talent_collective', `${cityOfCounty.get(station.regionCode)!.city.name}人才服务中心集体户`, station, roadNumber(station.regionCode), talents,
      { minAge: 22, maxAge: 35, married: 0.2 });
  }
  const residents = take(r.int(3, 6));
  if (residents >= 2) {
    const station = pickStation();
    const community = `${r.pick(communityWords)}社区`;
    collective('community', 'community_collective', `${community}居民委员会集体户`, station, `${roadNumber(station.regionCode)}${community}居委会`, residents,
      { minAge: 18, maxAge: 80, married: 0.4 });
  }

  while (persons.length < total) family(pickStation(), total - persons.length);

  return { asOf, stations, segments, households, persons };
}
