import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { jiangsuCities } from '@jsga/contracts';
import { hashPassword, type Db } from '@jsga/kernel';
import { identityOrg, identityPosition, identityPositionRole, identityRole, identityUser } from '../db/identity.schema';
import { orgCode, upsertOrgs } from './identity.reference';

/** Named 派出所 for the demo counties; elsewhere each county gets generic ones. */
const namedStations: Record<string, string[]> = {
  '320102': ['新街口派出所', '玄武门派出所', '梅园新村派出所'],
  '320104': ['夫子庙派出所', '朝天宫派出所', '双塘派出所'],
  '320106': ['宁海路派出所', '湖南路派出所'],
  '320508': ['观前派出所', '平江派出所'],
};

export function demoStations() {
  return jiangsuCities.flatMap((city) => city.counties.flatMap((county) => {
    const names = namedStations[county.code] ?? [`${county.name.replace(/(区|县|市)$/, '')}城区派出所`, `${county.name.replace(/(区|县|市)$/, '')}城郊派出所`];
    const stations = names.map((name, i) => ({ code: orgCode(county.code, `51${String(i + 1).padStart(2, '0')}00`), name, level: 'station' as const,
      parentCode: orgCode(county.code), regionCode: county.code, sort: i + 1 }));
    const window = { code: orgCode(county.code, '520100'), name: `${county.name}公安政务服务窗口`, level: 'window' as const,
      parentCode: orgCode(county.code), regionCode: county.code, sort: 50 };
    return [...stations, window];
  }));
}

type DemoUser = {
  username: string; displayName: string; userType: 'police' | 'auxiliary' | 'admin'; policeNo?: string; phone?: string;
  orgCode: string; positions: Array<{ title: string; orgCode: string; roles: string[] }>;
};

export const demoUsers: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', userType: 'admin', orgCode: orgCode('320000'), phone: '13900000001',
    positions: [{ title: '系统管理', orgCode: orgCode('320000'), roles: ['sys_admin'] }] },
  { username: 'auditor', displayName: '审计员周敏', userType: 'admin', orgCode: orgCode('320000'), phone: '13900000002',
    positions: [{ title: '安全审计', orgCode: orgCode('320000'), roles: ['auditor'] }] },
  { username: 'nanjing', displayName: '南京市局管理员', userType: 'police', policeNo: '010100', orgCode: orgCode('320100'), phone: '13900000003',
    positions: [{ title: '系统管理', orgCode: orgCode('320100'), roles: ['city_admin'] }] },
  { username: 'xuanwu', displayName: '李审批', userType: 'police', policeNo: '010201', orgCode: orgCode('320102'), phone: '13900000004',
    positions: [{ title: '审批岗', orgCode: orgCode('320102'), roles: ['approver'] }] },
  { username: 'xw_dangan', displayName: '刘档案', userType: 'police', policeNo: '010205', orgCode: orgCode('320102'), phone: '13900000005',
    positions: [{ title: '档案管理', orgCode: orgCode('320102'), roles: ['archivist'] }] },
  { username: 'xinjiekou', displayName: '张受理', userType: 'police', policeNo: '010211', orgCode: orgCode('320102', '510100'), phone: '13812345678',
    positions: [
      { title: '受理岗', orgCode: orgCode('320102', '510100'), roles: ['window_officer'] },
      { title: '所内管理', orgCode: orgCode('320102', '510100'), roles: ['station_admin'] },
    ] },
  { username: 'xjk_fujing', displayName: '王辅警', userType: 'auxiliary', orgCode: orgCode('320102', '510100'), phone: '13812340000',
    positions: [{ title: '窗口辅助', orgCode: orgCode('320102', '510100'), roles: ['window_officer'] }] },
  { username: 'fuzimiao', displayName: '陈受理', userType: 'police', policeNo: '010411', orgCode: orgCode('320104', '510100'), phone: '13887654321',
    positions: [
      { title: '受理岗', orgCode: orgCode('320104', '510100'), roles: ['window_officer'] },
      { title: '所内管理', orgCode: orgCode('320104', '510100'), roles: ['station_admin'] },
    ] },
  { username: 'fzm_fujing', displayName: '赵辅警', userType: 'auxiliary', orgCode: orgCode('320104', '510100'), phone: '13887650000',
    positions: [{ title: '窗口辅助', orgCode: orgCode('320104', '510100'), roles: ['window_officer'] }] },
];

/** Demo orgs and accounts (all with the demo password); idempotent. */
export async function seedIdentityDemo(db: Db, opts: { password: string }) {
  const passwordHash = await hashPassword(opts.password);
  await db.transaction(async (tx) => {
    await upsertOrgs(tx, demoStations());
    const orgs = await tx.select({ id: identityOrg.id, code: identityOrg.code }).from(identityOrg);
    const orgId = new Map(orgs.map((o) => [o.code, o.id]));
    const roles = await tx.select({ id: identityRole.id, code: identityRole.code }).from(identityRole);
    const roleId = new Map(roles.map((r) => [r.code, r.id]));
    const existing = await tx.select({ username: identityUser.username }).from(identityUser)
      .where(inArray(identityUser.username, demoUsers.map((u) => u.username)));
    for (const u of demoUsers.filter((d) => !existing.some((e) => e.username === d.username))) {
      const id = randomUUID();
      await tx.insert(identityUser).values({ id, username: u.username, displayName: u.displayName, userType: u.userType, policeNo: u.policeNo ?? null,
        phone: u.phone ?? null, orgId: orgId.get(u.orgCode)!, passwordHash });
      for (const [i, p] of u.positions.entries()) {
        const positionId = randomUUID();
        await tx.insert(identityPosition).values({ id: positionId, userId: id, orgId: orgId.get(p.orgCode)!, title: p.title, isPrimary: i === 0, sort: i });
        await tx.insert(identityPositionRole).values(p.roles.map((r) => ({ positionId, roleId: roleId.get(r)! })));
      }
    }
  });
}

export const findUserIdByUsername = async (db: Db, username: string) =>
  (await db.select({ id: identityUser.id }).from(identityUser).where(eq(identityUser.username, username)))[0]?.id ?? null;
