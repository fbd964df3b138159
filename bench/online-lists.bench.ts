/**
 * 网上预审 queues, 我的办件 and the evaluation list: answer times on demo data plus N online cases.
 *
 *   npx tsx bench/online-lists.bench.ts [cases=300] [rounds=20]
 *
 * Starts the platform on in-memory PGlite (or DATABASE_URL), submits N online applications for the
 * demo citizen through the API (driving-licence replacement with the ID-card e-licence), moves a
 * third of them into 补件 and a third into 受理, then times each list as the officer's page and the
 * citizen's page ask for it (first page of 20). Target: well under a second each.
 */
import { wellKnownMatterCodes } from '@jsga/contracts';
import { createTestPlatform } from '../apps/server/src/testing/test-platform';

const cases = Number(process.argv[2] ?? 300);
const rounds = Number(process.argv[3] ?? 20);
const p = await createTestPlatform();
const citizen = await p.loginCitizen();
const officer = await p.login('xinjiekou');
const call = async (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
  const res = await p.app.inject({ method, url, headers: p.as(token), ...(payload ? { payload } : {}) });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.body}`);
  return res.json();
};

const prefill = await call(citizen, 'GET', '/api/citizen/prefill');
const idCard = (await call(citizen, 'GET', '/api/citizen/licences')).items.find((l: { typeCode: string }) => l.typeCode === 'resident_id_card');
const station = (await call(citizen, 'GET', '/api/citizen/service-points?keyword=新街口')).items[0].id;
const dl = prefill.elicense.driving_licence;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const formData = {
  name: prefill.applicant.name, idNo: prefill.applicant.idNo, contactPhone: '13851880715', contactAddress: prefill.population.address, applyType: 'replace', replaceReason: 'lost',
  fileNo: dl.fileNo, licenceClass: dl.vehicleClass, firstIssueDate: dl.firstIssueDate, validFrom: dl.validFrom, validUntil: dl.validTo,
  healthCheckHospital: '南京市第一医院', healthCheckDate: today, deliveryMethod: 'window',
};

let t = performance.now();
const ids: string[] = [];
for (let i = 0; i < cases; i++) {
  const d = await call(citizen, 'POST', '/api/citizen/declarations', { matterCode: wellKnownMatterCodes.drivingLicenceRenewal, situationAnswers: { apply_type: 'replace', senior: 'no' } });
  await call(citizen, 'PUT', `/api/citizen/declarations/${d.id}`, { formData, orgId: station, expectedRevision: d.revision, materials: [{ materialCode: 'ID_CARD', licenceId: idCard.id }] });
  ids.push((await call(citizen, 'POST', `/api/citizen/declarations/${d.id}/submit`, { expectedRevision: d.revision + 1 })).caseId);
}
console.log(`seeded ${cases} online applications in ${((performance.now() - t) / 1000).toFixed(1)} s (${((performance.now() - t) / cases).toFixed(0)} ms each, draft + save + submit)`);
for (const [i, id] of ids.entries()) {
  if (i % 3 === 0) await call(officer, 'POST', `/api/admin/case/cases/${id}/actions`, { action: 'request_supplement', opinion: '补交遗失声明', supplementMaterials: ['LOSS_STATEMENT'] });
  if (i % 3 === 1) {
    const c = await call(officer, 'GET', `/api/admin/case/cases/${id}`);
    await call(officer, 'POST', `/api/admin/case/cases/${id}/actions`, { action: 'accept', taskId: c.openTasks[0].id });
  }
}

const lists: Array<[string, string, string]> = [
  ['待预审', officer, '/api/admin/case/cases?queue=pending&pageSize=20'],
  ['已收', officer, '/api/admin/case/cases?queue=received&pageSize=20'],
  ['待补件', officer, '/api/admin/case/cases?queue=supplement&pageSize=20'],
  ['补件记录', officer, '/api/admin/case/cases?queue=supplement_history&pageSize=20'],
  ['办件查询（关键字）', officer, '/api/admin/case/cases?keyword=张明远&pageSize=20'],
  ['评价列表', officer, '/api/admin/evaluation/evaluations?pageSize=20'],
  ['我的办件', citizen, '/api/citizen/cases?pageSize=20'],
  ['我的办件·待我处理', citizen, '/api/citizen/cases?status=todo&pageSize=20'],
  ['办件详情（申请人）', citizen, `/api/citizen/cases/${ids[0]}`],
];
for (const [name, token, url] of lists) {
  const times: number[] = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    t = performance.now();
    const body = await call(token, 'GET', url);
    times.push(performance.now() - t);
    total = body.total ?? 1;
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(14, '　')} total ${String(total).padStart(5)}  p50 ${times[Math.floor(rounds / 2)].toFixed(1)} ms  p95 ${times[Math.floor(rounds * 0.95) - 1 >= 0 ? Math.floor(rounds * 0.95) - 1 : 0].toFixed(1)} ms  max ${times.at(-1)!.toFixed(1)} ms`);
}
await p.close();
