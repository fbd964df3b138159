import type { ApplicantType, HandlingMode, MatterChannel, MatterType, MatterZone, PoliceType } from '@jsga/contracts';

/**
 * Reads the tender's three matter catalogues (copied verbatim from shared/spec into ./catalogue) into one
 * entry per distinct matter name, merging what every row says about it. Pure: text in, entries out.
 */

export type CatalogueFiles = { publicWindow: string; comprehensiveWindow: string; businessHandling: string };

export type CatalogueEntry = {
  code: string;
  name: string;
  category: string;
  policeType: PoliceType | null;
  channels: MatterChannel[];
  handlingModes: HandlingMode[];
  zones: MatterZone[];
  needsApproval: boolean;
  /** `file:no` of every row that mentions the matter, for tracing a seed back to the spec. */
  rows: string[];
};

/** Service category (the TSV's police_type column) → platform police type and the letter used in codes. */
const categories: Record<string, { policeType: PoliceType | null; letter: string }> = {
  治安服务事项: { policeType: 'zhian', letter: 'Z' },
  交管服务事项: { policeType: 'jiaoguan', letter: 'J' },
  出入境服务事项: { policeType: 'churujing', letter: 'C' },
  内保服务事项: { policeType: 'neibao', letter: 'N' },
  禁毒服务事项: { policeType: 'jindu', letter: 'D' },
  网安服务事项: { policeType: 'wangan', letter: 'W' },
  监管服务事项: { policeType: 'jianguan', letter: 'G' },
  // 境外非政府组织管理 has no police-type department of its own in the org tree.
  境外非政府组织服务事项: { policeType: null, letter: 'F' },
  其他服务事项: { policeType: null, letter: 'Q' },
  其他业务事项: { policeType: null, letter: 'Q' },
};
export const categoryOf = (category: string) => categories[category] ?? { policeType: null, letter: 'Q' };

export function parseTsv(text: string): string[][] {
  return text.split(/\r?\n/).slice(1).filter((l) => l.trim() !== '').map((l) => l.split('\t').map((c) => c.trim()));
}

const zoneOf = (label: string): MatterZone | null =>
  label.includes('一件事') ? 'one_thing' : label.includes('全省通办') ? 'province_wide'
    : label.includes('跨省通办') ? 'cross_province' : label.includes('长三角') ? 'yangtze_delta' : null;

const handlingModeOf = (label: string): HandlingMode | null =>
  label.includes('即办件') ? 'immediate' : label.includes('承诺件') ? 'promised' : label.includes('收件') ? 'collect' : null;

/**
 * Zone rows carry no service category: vehicle and licence matters are 交管; the 通办 and 长三角 zones
 * otherwise hold household and ID-card matters (治安); the rest stay 其他.
 */
function zoneCategory(name: string, zone: MatterZone | null): string {
  if (/机动车|驾驶/.test(name)) return '交管服务事项';
  if (zone && zone !== 'one_thing' && name !== '其他情形') return '治安服务事项';
  return '其他服务事项';
}

type Row = { ref: string; name: string; category: string; channel?: MatterChannel; handlingMode?: HandlingMode; zone?: MatterZone; needsApproval?: boolean };

export function catalogueRows(files: CatalogueFiles): Row[] {
  const rows: Row[] = [];
  for (const [no, channel, , category, name] of parseTsv(files.publicWindow)) {
    rows.push({ ref: `public-window:${no}`, name, category, channel: channel.includes('APP') ? 'mobile' : 'online' });
  }
  for (const [no, kind, mode, category, matter] of parseTsv(files.comprehensiveWindow)) {
    if (kind === '其他办件类型') {
      // Zone rows: the matter sits in the police_type column, except where that column names a sub-group (跨省通办户籍业务).
      const zone = zoneOf(mode);
      const name = matter || category;
      rows.push({ ref: `comprehensive-window:${no}`, name, category: zoneCategory(name, zone), zone: zone ?? undefined, channel: 'window' });
    } else {
      rows.push({ ref: `comprehensive-window:${no}`, name: matter, category, channel: 'window', handlingMode: handlingModeOf(mode) ?? undefined });
    }
  }
  for (const [no, , category, name] of parseTsv(files.businessHandling)) {
    rows.push({ ref: `business-handling:${no}`, name, category, needsApproval: true });
  }
  return rows.filter((r) => r.name);
}

const channelOrder: MatterChannel[] = ['online', 'mobile', 'window', 'kiosk'];
const modeOrder: HandlingMode[] = ['immediate', 'promised', 'collect'];
const zoneOrder: MatterZone[] = ['one_thing', 'province_wide', 'cross_province', 'yangtze_delta'];
const ordered = <T>(set: Set<T>, order: T[]) => order.filter((x) => set.has(x));

/**
 * One entry per distinct name (exact, after trimming), in order of first appearance (public window,
 * comprehensive window, business handling). Codes are `JS-` + category letter + a per-letter sequence in
 * that order, so the same files always give the same codes.
 */
export function buildCatalogue(files: CatalogueFiles): CatalogueEntry[] {
  const byName = new Map<string, { entry: CatalogueEntry; channels: Set<MatterChannel>; modes: Set<HandlingMode>; zones: Set<MatterZone> }>();
  const counters = new Map<string, number>();
  for (const row of catalogueRows(files)) {
    let acc = byName.get(row.name);
    if (!acc) {
      const { policeType, letter } = categoryOf(row.category);
      const n = (counters.get(letter) ?? 0) + 1;
      counters.set(letter, n);
      acc = {
        entry: { code: `JS-${letter}${String(n).padStart(3, '0')}`, name: row.name, category: row.category, policeType,
          channels: [], handlingModes: [], zones: [], needsApproval: false, rows: [] },
        channels: new Set(), modes: new Set(), zones: new Set(),
      };
      byName.set(row.name, acc);
    }
    if (row.channel) acc.channels.add(row.channel);
    if (row.handlingMode) acc.modes.add(row.handlingMode);
    if (row.zone) acc.zones.add(row.zone);
    if (row.needsApproval) acc.entry.needsApproval = true;
    acc.entry.rows.push(row.ref);
  }
  return [...byName.values()].map(({ entry, channels, modes, zones }) => ({
    ...entry, channels: ordered(channels, channelOrder), handlingModes: ordered(modes, modeOrder), zones: ordered(zones, zoneOrder),
  }));
}

/** Best-effort matter type from the name's verb; administrators correct it in a new version. */
export function inferMatterType(name: string): MatterType {
  if (/奖励|表彰/.test(name)) return 'reward';
  if (/查询|预约|缴费|地图|移车|路况|亮证|一件事|证明出具|出具证明|开具|企业平台/.test(name)) return 'public_service';
  if (/许可|审批|核发|签发|签证|登记证书|通行证|准养证|验收/.test(name)) return 'licensing';
  if (/备案/.test(name)) return 'other_power';
  return 'confirmation'; // 登记、注销、变更、更正、迁移、身份证业务: confirming a civil status
}

/** Organisations apply for permits to run businesses, events and facilities; people for everything else. */
export function inferApplicantTypes(name: string, category: string): ApplicantType[] {
  if (category === '境外非政府组织服务事项' || /单位|企业|公司|机构|金融|旅馆|化学品|业(特种行业)?(许可|备案)|场所|大型群众性活动|等级保护|视频图像|运输/.test(name)) {
    return /个人/.test(name) ? ['natural_person', 'legal_person'] : ['legal_person'];
  }
  return ['natural_person'];
}
