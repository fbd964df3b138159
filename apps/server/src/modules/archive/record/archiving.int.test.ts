import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlineApplicant } from '../../../testing/online-application';
import { apiCaller, createTestPlatform, DEMO_PASSWORD, type TestPlatform } from '../../../testing/test-platform';
import { startPlatform } from '../../../bootstrap';
import type { ArchiveApi } from '..';

// 归档: 四性检测 with every check shown, 档号, the signed package, and `archive verify` on it.
let p: TestPlatform;
let citizen: string;
let window1: string;
let approver: string;
let archivist: string;
let stationId: string;
let dir: string;
const officer = apiCaller(() => p, '/api/admin/case');
const archive = apiCaller(() => p, '/api/admin/archive');
const { me, submitted } = onlineApplicant(() => p);

async function concludedRecord() {
  const caseId = await submitted(citizen, stationId);
  const c = (await officer(window1, 'GET', `/cases/${caseId}`)).json();
  await officer(window1, 'POST', `/cases/${caseId}/actions`, { action: 'accept', taskId: c.openTasks[0].id });
  for (const token of [approver, window1]) {
    const task = (await officer(token, 'GET', `/cases/${caseId}`)).json().openTasks[0];
    if (task) await officer(token, 'POST', `/cases/${caseId}/actions`, { action: 'approve_step', taskId: task.id, outcome: 'approve', opinion: '同意' });
  }
  await p.events.dispatch();
  await p.events.dispatch();
  const items = (await archive(archivist, 'GET', '/records?status=pending&pageSize=100')).json().items;
  return items.find((r: { caseId: string }) => r.caseId === caseId) as { id: string; caseNo: string };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jsga-archive-'));
  // on disk, so the CLI can open the same database once the platform has stopped
  p = await createTestPlatform({ dataDir: path.join(dir, 'data') });
  [citizen, window1, approver, archivist] = await Promise.all([p.loginCitizen(), p.login('xinjiekou'), p.login('xuanwu'), p.login('xw_dangan')]);
  stationId = (await me(citizen, 'GET', '/service-points?keyword=新街口')).json().items[0].id;
});
afterAll(async () => {
  await p.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('归档', () => {
  let recordId: string;
  let zip: Uint8Array;

  it('四性检测 shows every check by property; nothing fails on a complete case and the antivirus check is left to a person', async () => {
    recordId = (await concludedRecord()).id;
    const res = await archive(archivist, 'POST', `/records/${recordId}/check`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.checks.filter((c: { status: string }) => c.status === 'fail')).toEqual([]);
    expect(new Set(r.checks.map((c: { property: string }) => c.property))).toEqual(new Set(['authenticity', 'integrity', 'usability', 'security']));
    expect(r.checks.find((c: { id: string }) => c.id === 'S1')).toMatchObject({ status: 'manual' });
    expect(r.checks.find((c: { id: string }) => c.id === 'A1')).toMatchObject({ status: 'pass' });
    expect(r).toMatchObject({ status: 'pending', missing: [], archivalCode: null });
  });

  it('归档 gives the 档号, stores the signed package, and the package downloads with the case\'s files inside', async () => {
    const res = await archive(archivist, 'POST', `/records/${recordId}/archive`);
    expect(res.statusCode, res.body).toBe(200);
    const year = new Date().getFullYear();
    // 驾驶证补证 is a 行政确认 (07) with the national 30-year default
    expect(res.json()).toMatchObject({ status: 'archived', archivalCode: `J032-ZW·07-${year}-D30-0001`, packageSm3: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((await archive(archivist, 'POST', `/records/${recordId}/archive`)).json()).toMatchObject({ code: 'ARCHIVE_ALREADY_ARCHIVED' });
    const dl = await p.app.inject({ url: `/api/admin/archive/records/${recordId}/package`, headers: p.as(archivist) });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/zip');
    zip = new Uint8Array(dl.rawPayload);
    const names = Object.keys(unzipSync(zip));
    expect(names).toEqual(expect.arrayContaining(['基本信息元数据.xml', expect.stringMatching(/^申报文件\/.*申请表/), expect.stringMatching(/^过程文件\/.*办理过程记录/), expect.stringMatching(/^结果文件\/.*准予许可决定书/)]));
    expect(names.some((n) => n.includes('居民身份证'))).toBe(true);
  });

  it('归档日志 holds the record\'s check, archive and download, newest first, by whom', async () => {
    const logs = (await archive(archivist, 'GET', `/logs?recordId=${recordId}`)).json();
    expect(logs.items.map((l: { action: string; result: string }) => `${l.action}:${l.result}`))
      .toEqual(['archive.package.download:success', 'archive.record.archive:success', 'archive.record.check:success']);
    expect(logs.items[1]).toMatchObject({ username: 'xw_dangan', detail: expect.objectContaining({ archivalCode: expect.stringMatching(/^J032-/) }) });
    // the trail of other modules is not part of it
    const all = (await archive(archivist, 'GET', '/logs?pageSize=100')).json();
    expect(all.items.every((l: { action: string }) => l.action.startsWith('archive.'))).toBe(true);
    expect((await archive(window1, 'GET', '/logs')).statusCode).toBe(403);
  });

  it('`archive verify` passes the package as stored, and names the file when one is tampered with', async () => {
    const verify = (p.modules.get('archive')!.api as ArchiveApi).verifyPackage;
    expect((await verify(zip)).ok).toBe(true);
    const entries = unzipSync(zip);
    const target = Object.keys(entries).find((n) => n.startsWith('申报文件/') && !n.endsWith('/'))!;
    const altered = new Uint8Array(entries[target]);
    altered[altered.length - 10] ^= 0x01;
    const tampered = zipSync({ ...entries, [target]: altered });
    const report = await verify(tampered);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.id === 'A1')).toMatchObject({ status: 'fail', files: [target] });

  });

  it('archiving in parallel never gives two packages the same 档号, and 件号 have no gaps', async () => {
    const records = [];
    for (let i = 0; i < 3; i++) records.push(await concludedRecord());
    const results = await Promise.all(records.map((r) => archive(archivist, 'POST', `/records/${r.id}/archive`)));
    const codes = results.map((r) => { expect(r.statusCode, r.body).toBe(200); return r.json().archivalCode as string; });
    expect(new Set(codes).size).toBe(3);
    expect(codes.map((c) => c.slice(-4)).sort()).toEqual(['0002', '0003', '0004']);
  });

  it.runIf(!!process.env.DATABASE_URL)('two server instances archiving at once on one PostgreSQL still give distinct, consecutive 档号', async () => {
    const records = [];
    for (let i = 0; i < 4; i++) records.push(await concludedRecord());
    const second = await startPlatform(p.config);
    try {
      const login = await second.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xw_dangan', password: DEMO_PASSWORD } });
      const token2 = login.json().token as string;
      const results = await Promise.all(records.map((r, i) => (i % 2 ? second.app : p.app).inject({
        method: 'POST', url: `/api/admin/archive/records/${r.id}/archive`, headers: { authorization: `Bearer ${i % 2 ? token2 : archivist}` },
      })));
      const codes = results.map((r) => { expect(r.statusCode, r.body).toBe(200); return r.json().archivalCode as string; });
      expect(codes.map((c) => c.slice(-4)).sort()).toEqual(['0005', '0006', '0007', '0008']);
    } finally {
      await second.close();
    }
  });

it('`npm run cli -- archive verify` on the server\'s database: exit 0 for the stored package, 2 naming the tampered file', async () => {
    const entries = unzipSync(zip);
    const target = Object.keys(entries).find((n) => n.startsWith('结果文件/') && !n.endsWith('/'))!;
    const altered = new Uint8Array(entries[target]);
    altered[20] ^= 0x01;
    const tampered = zipSync({ ...entries, [target]: altered });
    await p.stop();
    // the CLI on a file, as an operator runs it
    const { runCli } = await import('../../../cli');
    const lines: string[] = [];
    const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console;
    const good = path.join(dir, 'good.zip');
    const bad = path.join(dir, 'bad.zip');
    writeFileSync(good, zip);
    writeFileSync(bad, tampered);
    expect(await runCli(['archive', 'verify', bad], { ...cliEnv(), LOG_LEVEL: 'silent' }, out)).toBe(2);
    expect(lines.at(-1)).toContain(target);
    expect(await runCli(['archive', 'verify', good], { ...cliEnv(), LOG_LEVEL: 'silent' }, out)).toBe(0);
  });
});

function cliEnv(): Record<string, string> {
  return { DATA_DIR: p.config.DATA_DIR, ...(p.databaseUrl ? { DATABASE_URL: p.databaseUrl } : {}) };
}
