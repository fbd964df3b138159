import { randomUUID } from 'node:crypto';
import { jiangsuRegionName } from '@jsga/contracts';
import { chinaDate, type Db } from '@jsga/kernel';
import type { IdentityApi } from '../../../centres/identity';
import { jiangsuCountyCodes } from '../registry/id-number.rules';
import { registryRepo } from '../registry/registry.repo';
import { DEMO_REGISTRY } from '../testing/demo-registry.fixture';
import { generatePopulation, type DemoResident } from './population.generator';

const BATCH = 400;
async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Demo registry: a deterministic population over every 派出所 of the demo org tree, its 号段 and the
 * numbers taken from them, one registration entry per person in the change trajectory, and one
 * deliberate 重号 (two registered persons sharing a number) for 重号管理. Runs once on an empty registry.
 */
export async function seedHukouDemo(deps: { db: Db; identity: Pick<IdentityApi, 'listServicePoints'>; persons: number; citizen: DemoCitizenFamily; now?: () => Date }) {
  const { db } = deps;
  if (deps.persons < 2 || (await registryRepo.householdCount(db)) > 0) return;
  const at = (deps.now ?? (() => new Date()))();
  const stations = (await deps.identity.listServicePoints(db))
    .filter((p) => p.level === 'station' && p.regionCode && jiangsuCountyCodes.has(p.regionCode))
    // the demonstrations are shown in Nanjing, most of them at 玄武区's stations: most households go there
    .map((p) => ({ key: p.id, name: p.name, regionCode: p.regionCode!, weight: p.regionCode === '320102' ? 30 : p.regionCode!.startsWith('3201') ? 8 : 1 }));
  if (!stations.length) return;
  const pop = generatePopulation({ persons: deps.persons, stations, asOf: chinaDate(at) });

  const householdIds = new Map(pop.households.map((h) => [h.householdNo, randomUUID()]));
  const personIds = new Map(pop.persons.map((p) => [p.idNumber, randomUUID()]));
  const personRow = (p: DemoResident, id: string, idNo = p.idNumber) => ({
    id, idNo, name: p.name, formerName: p.formerName, sex: p.sex, ethnicity: p.ethnicity, birthDate: p.birthDate, birthPlaceCode: p.birthPlaceCode,
    nativePlaceCode: p.nativePlaceCode, religion: p.religion, education: p.education, maritalStatus: p.maritalStatus, militaryService: p.militaryService,
    heightCm: p.heightCm, bloodType: p.bloodType, occupation: p.occupation, employer: p.employer, address: p.address, householdId: householdIds.get(p.householdNo)!,
    relationToHead: p.relationToHead, fatherIdNo: p.fatherIdNumber, motherIdNo: p.motherIdNumber, registeredOn: p.registeredOn, previousRegionCode: p.previousRegionCode,
    regionCode: p.regionCode, stationOrgId: p.stationKey, status: 'registered', statusReason: null, createdAt: at, updatedAt: at,
  });
  const persons = pop.persons.map((p) => personRow(p, personIds.get(p.idNumber)!));
  const fixtures = fixtureRegistry(stations, deps.citizen);
  for (const h of fixtures.households) householdIds.set(h.householdNo, randomUUID());
  for (const p of fixtures.persons) personIds.set(p.idNumber, randomUUID());
  persons.push(...fixtures.persons.map((p) => personRow(p, personIds.get(p.idNumber)!)));
  pop.households.push(...fixtures.households);
  // 重号: a second, unrelated person registered elsewhere under the number of the first adult of another county
  const original = pop.persons.find((p) => p.relationToHead === '02' && p.regionCode !== pop.persons[0].regionCode) ?? pop.persons[0];
  const host = pop.persons.find((p) => p.relationToHead === '02' && p.regionCode !== original.regionCode) ?? pop.persons[1];
  const duplicate = { ...personRow({ ...host, name: `${original.name.slice(0, 1)}${host.name.slice(1)}`, relationToHead: '99', fatherIdNumber: null, motherIdNumber: null }, randomUUID(), original.idNumber) };
  persons.push(duplicate);

  await db.transaction(async (tx) => {
    await inBatches(pop.households.map((h) => ({
      id: householdIds.get(h.householdNo)!, householdNo: h.householdNo, type: h.type, name: h.name, headPersonId: h.headIdNumber ? personIds.get(h.headIdNumber)! : null,
      address: h.address, regionCode: h.regionCode, stationOrgId: h.stationKey, establishedOn: h.establishedOn, status: 'active', createdAt: at,
    })), (b) => registryRepo.insertHouseholds(tx, b));
    await inBatches(persons, (b) => registryRepo.insertPersons(tx, b));
    await registryRepo.insertSegments(tx, pop.segments.map((s) => ({ id: randomUUID(), addressCode: s.addressCode, stationOrgId: s.stationKey, seqFrom: s.from, seqTo: s.to, createdAt: at })));
    await inBatches([...pop.persons, ...fixtures.persons].map((p) => ({
      addressCode: p.idNumber.slice(0, 6), birthDate: p.birthDate, seq: Number(p.idNumber.slice(14, 17)), idNo: p.idNumber, personId: personIds.get(p.idNumber)!, allocatedAt: at,
    })), (b) => registryRepo.insertAllocations(tx, b));
    await inBatches(persons.map((p) => ({
      id: randomUUID(), personId: p.id, householdId: p.householdId, kind: 'registered', summary: p.previousRegionCode ? `迁入登记（由${jiangsuRegionName(p.previousRegionCode) ?? p.previousRegionCode}迁来）` : '户口登记',
      after: { householdId: p.householdId }, orgId: p.stationOrgId, occurredAt: new Date(`${p.registeredOn}T09:00:00+08:00`),
    })), (b) => registryRepo.insertChanges(tx, b));
  });
}

export type DemoCitizenFamily = {
  head: { name: string; idNo: string; birthDate: string };
  spouse: { name: string; idNo: string; birthDate: string };
  child: { name: string; idNo: string; birthDate: string };
};

/** The named households and persons of DEMO_REGISTRY, in the generator's shapes. */
function fixtureRegistry(stations: Array<{ key: string; name: string; regionCode: string }>, citizen: DemoCitizenFamily) {
  const stationOf = (regionCode: string, name?: string) => (stations.find((s) => s.regionCode === regionCode && (!name || s.name === name)) ?? stations.find((s) => s.regionCode === regionCode))!.key;
  const R = DEMO_REGISTRY;
  const base = (p: { name: string; idNo: string; birthDate: string }, h: { householdNo: string; address: string; regionCode: string }, station: string, over: Partial<DemoResident>): DemoResident => ({
    idNumber: p.idNo, name: p.name, formerName: null, sex: Number(p.idNo[16]) % 2 ? '1' : '2', ethnicity: '01', birthDate: p.birthDate, birthPlaceCode: p.idNo.slice(0, 6),
    nativePlaceCode: p.idNo.slice(0, 6), religion: 'none', education: null, maritalStatus: '10', militaryService: '0', heightCm: 170, bloodType: 'A', occupation: null,
    occupationCategory: null, employer: null, address: h.address, householdNo: h.householdNo, relationToHead: null, fatherIdNumber: null, motherIdNumber: null,
    registeredOn: p.birthDate, previousRegionCode: null, regionCode: h.regionCode, stationKey: station, ...over,
  });
  const seuStation = stationOf(R.seuCollective.regionCode, R.seuCollective.station);
  const familyStation = stationOf(R.freshmanFamily.regionCode);
  const citizenStation = stationOf(R.citizenFamily.regionCode, R.citizenFamily.station);
  const f = R.freshmanFamily;
  const persons: DemoResident[] = [
    base(f.father, f, familyStation, { relationToHead: '02', maritalStatus: '20', education: '40', occupation: '个体工商户', heightCm: 172 }),
    base(f.mother, f, familyStation, { relationToHead: '10', maritalStatus: '20', education: '60', occupation: '商业服务业人员', heightCm: 160, bloodType: 'O' }),
    base(R.freshman, f, familyStation, { relationToHead: '20', education: '60', occupation: '学生', employer: '昆山市第一中学', fatherIdNumber: f.father.idNo, motherIdNumber: f.mother.idNo }),
    base(R.enrolledStudent, R.seuCollective, seuStation, { education: '20', occupation: '学生', employer: '东南大学', registeredOn: `${Number(R.enrolledStudent.birthDate.slice(0, 4)) + 18}-09-05`, previousRegionCode: '320102' }),
    base(citizen.head, R.citizenFamily, citizenStation, { relationToHead: '02', maritalStatus: '20', education: '20', occupation: '工程技术人员', employer: '南京玄武智信科技有限公司' }),
    base(citizen.spouse, R.citizenFamily, citizenStation, { relationToHead: '10', maritalStatus: '20', education: '20', occupation: '教师' }),
    base(citizen.child, R.citizenFamily, citizenStation, { relationToHead: '20', fatherIdNumber: citizen.head.idNo, motherIdNumber: citizen.spouse.idNo }),
  ];
  const household = (h: { householdNo: string; address: string; regionCode: string }, type: 'family' | 'student_collective', station: string, name: string | null, head: string | null, members: DemoResident[]) => ({
    householdNo: h.householdNo, type, name, headIdNumber: head, address: h.address, addressParts: { regionCode: h.regionCode, street: h.address, room: '' },
    regionCode: h.regionCode, stationKey: station, establishedOn: '2000-01-01', memberIdNumbers: members.map((m) => m.idNumber),
  });
  const households = [
    household(f, 'family', familyStation, null, f.father.idNo, persons.slice(0, 3)),
    household(R.seuCollective, 'student_collective', seuStation, R.seuCollective.name, null, persons.slice(3, 4)),
    household(R.citizenFamily, 'family', citizenStation, null, citizen.head.idNo, persons.slice(4)),
  ];
  return { households, persons };
}
