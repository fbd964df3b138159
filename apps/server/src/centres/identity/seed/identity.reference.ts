import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { allPermissionCodes, jiangsuCities, jiangsuProvince, policeTypeLabels, type DataScopeKind, type OrgLevel, type PermissionCode, type PoliceType } from '@jsga/contracts';
import type { Db, Queryable } from '@jsga/kernel';
import { identityOrg, identityRole } from '../db/identity.schema';

type SystemRole = { code: string; name: string; description: string; permissions: readonly PermissionCode[] | 'all'; dataScope: DataScopeKind };

/** Built-in roles; their permissions are reset to these on every start (custom roles are untouched). */
/** Administrators oversee case handling in their unit, and may only grant roles whose permissions they hold. */
const handlingOversight = ['workflow:task:view', 'case:case:view', 'case:case:handle', 'workflow:instance:monitor', 'elicense:licence:view', 'hukou:person:view', 'hukou:stats:view'] as const;

export const systemRoles: SystemRole[] = [
  { code: 'sys_admin', name: '系统管理员', description: '全省系统配置与账号管理', permissions: 'all', dataScope: 'province' },
  { code: 'city_admin', name: '市局管理员', description: '本市机构与账号管理', dataScope: 'org_and_below',
    permissions: ['workbench:home:view', 'identity:org:view', 'identity:org:create', 'identity:org:update', 'identity:user:view', 'identity:user:create', 'identity:user:update', 'identity:user:reset-password', 'identity:role:view', 'audit:log:view',
      ...handlingOversight] },
  { code: 'station_admin', name: '派出所管理员', description: '本所账号管理', dataScope: 'org',
    permissions: ['workbench:home:view', 'identity:org:view', 'identity:user:view', 'identity:user:create', 'identity:user:update', 'identity:user:reset-password', ...handlingOversight] },
  { code: 'window_officer', name: '窗口受理民警', description: '窗口受理与办理', dataScope: 'org',
    permissions: ['workbench:home:view', 'workflow:task:view', 'case:case:view', 'case:case:handle', 'elicense:licence:view', 'hukou:person:view', 'hukou:stats:view'] },
  { code: 'approver', name: '审批民警', description: '审核审批', dataScope: 'org_and_below',
    permissions: ['workbench:home:view', 'workflow:task:view', 'case:case:view', 'case:case:handle', 'workflow:instance:monitor', 'elicense:licence:view', 'hukou:person:view', 'hukou:stats:view', 'hukou:segment:manage'] },
  { code: 'archivist', name: '档案管理员', description: '预归档、四性检测、归档与归档配置', dataScope: 'org_and_below',
    permissions: ['workbench:home:view', 'case:case:view', 'archive:record:view', 'archive:record:archive', 'archive:rule:manage', 'archive:stats:view'] },
  { code: 'auditor', name: '安全审计员', description: '查阅与校验审计日志', dataScope: 'province', permissions: ['workbench:home:view', 'audit:log:view', 'audit:log:verify'] },
];

const departmentNames: Record<PoliceType, [province: string, city: string]> = {
  zhian: ['治安总队', '治安支队'], jiaoguan: ['交通警察总队', '交通警察支队'], churujing: ['出入境管理局', '出入境管理支队'],
  neibao: ['内保总队', '内保支队'], jindu: ['禁毒总队', '禁毒支队'], wangan: ['网络安全保卫总队', '网络安全保卫支队'],
  jianguan: ['监所管理总队', '监所管理支队'], renkou: ['人口管理总队', '人口管理支队'], kexin: ['科技信息化总队', '科技信息化支队'],
};
const policeTypes = Object.keys(policeTypeLabels) as PoliceType[];

/** Police org code in the GA/T 380 shape: 6-digit region + 6 digits of unit. */
export const orgCode = (region: string, unit = '000000') => `${region}${unit}`;

type OrgSeed = { code: string; name: string; level: OrgLevel; parentCode: string | null; regionCode: string | null; policeType?: PoliceType; sort: number };

export function referenceOrgs(): OrgSeed[] {
  const out: OrgSeed[] = [];
  const province = orgCode(jiangsuProvince.code);
  out.push({ code: province, name: '江苏省公安厅', level: 'province', parentCode: null, regionCode: jiangsuProvince.code, sort: 0 });
  policeTypes.forEach((t, i) => out.push({ code: orgCode(jiangsuProvince.code, `${String(i + 1).padStart(2, '0')}0000`), name: departmentNames[t][0],
    level: 'department', parentCode: province, regionCode: jiangsuProvince.code, policeType: t, sort: 100 + i }));
  jiangsuCities.forEach((city, ci) => {
    const cityCode = orgCode(city.code);
    out.push({ code: cityCode, name: `${city.name}公安局`, level: 'city', parentCode: province, regionCode: city.code, sort: ci + 1 });
    policeTypes.forEach((t, i) => out.push({ code: orgCode(city.code, `${String(i + 1).padStart(2, '0')}0000`), name: departmentNames[t][1],
      level: 'department', parentCode: cityCode, regionCode: city.code, policeType: t, sort: 100 + i }));
    city.counties.forEach((county, i) => {
      // 区 has a 分局 of the city bureau; 县 and 县级市 have their own 公安局.
      const name = county.name.endsWith('区') ? `${city.name}公安局${county.name}分局` : `${county.name}公安局`;
      out.push({ code: orgCode(county.code), name, level: 'county', parentCode: cityCode, regionCode: county.code, sort: i + 1 });
    });
  });
  return out;
}

/** Upserts orgs by code, parents first, keeping ids and materialised paths stable. */
export async function upsertOrgs(q: Queryable, orgs: OrgSeed[]) {
  const existing = await q.select({ id: identityOrg.id, code: identityOrg.code, path: identityOrg.path }).from(identityOrg);
  const byCode = new Map(existing.map((o) => [o.code, o]));
  for (const o of orgs) {
    const found = byCode.get(o.code);
    if (found) continue; // names edited by administrators are kept
    const parent = o.parentCode ? byCode.get(o.parentCode) : undefined;
    if (o.parentCode && !parent) throw new Error(`seed org ${o.code}: parent ${o.parentCode} missing`);
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await q.insert(identityOrg).values({ id, code: o.code, name: o.name, level: o.level, parentId: parent?.id ?? null, path,
      regionCode: o.regionCode, policeType: o.policeType ?? null, sort: o.sort });
    byCode.set(o.code, { id, code: o.code, path });
  }
  return byCode;
}

export async function seedIdentityReference(db: Db) {
  await db.transaction(async (tx) => {
    for (const r of systemRoles) {
      const permissions = r.permissions === 'all' ? allPermissionCodes : [...r.permissions];
      await tx.insert(identityRole).values({ id: randomUUID(), code: r.code, name: r.name, description: r.description, permissions, dataScope: r.dataScope, isSystem: true })
        .onConflictDoUpdate({ target: identityRole.code, set: { permissions, dataScope: r.dataScope, isSystem: true, updatedAt: sql`now()` } });
    }
    await upsertOrgs(tx, referenceOrgs());
  });
}
