import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './testing/test-platform';

let p: TestPlatform;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'jsga-web-'));
  p = await createTestPlatform({ demo: false, env: { WEB_DIST_DIR: dist } });
});
afterAll(async () => {
  await p.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('shows a self-refreshing "building" page until the build exists, then serves the app for any client route', async () => {
    const building = await p.app.inject({ url: '/system/users' });
    expect(building.statusCode).toBe(503);
    expect(building.body).toContain('前端正在构建');
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>江苏公安政务服务综合管理平台</title>');
    const page = await p.app.inject({ url: '/system/users' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('江苏公安政务服务综合管理平台');
  });

  it('keeps JSON 404s for unknown API paths', async () => {
    const res = await p.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('COMMON_ROUTE_NOT_FOUND');
  });
});
