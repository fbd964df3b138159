import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../testing/multipart';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';

let p: TestPlatform;
beforeAll(async () => { p = await createTestPlatform({ env: { UPLOAD_MAX_BYTES: '65536' } }); });
afterAll(() => p.close());

const upload = async (token: string, fileName: string, content: Buffer) => {
  const body = multipart(fileName, content, { purpose: 'material' });
  return p.app.inject({ method: 'POST', url: '/api/files/', headers: { ...p.as(token), ...body.headers }, payload: body.payload });
};

describe('file upload', () => {
  it('stores a PDF with its SHA-256 and SM3 digests and serves it back to the uploader and their station', async () => {
    const officer = await p.login('xjk_fujing');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const res = await upload(officer, '户口簿首页.pdf', pdf);
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file).toMatchObject({ fileName: '户口簿首页.pdf', size: pdf.length, mime: 'application/pdf', type: 'pdf' });
    expect(file.sm3).toMatch(/^[0-9a-f]{64}$/);
    const content = await p.app.inject({ url: `/api/files/${file.id}/content`, headers: p.as(officer) });
    expect(content.headers['content-type']).toContain('application/pdf');
    expect(content.rawPayload.equals(pdf)).toBe(true);
    const colleague = await p.login('xinjiekou'); // same 派出所, 本单位 scope
    expect((await p.app.inject({ url: `/api/files/${file.id}`, headers: p.as(colleague) })).statusCode).toBe(200);
    const elsewhere = await p.login('fuzimiao');
    expect((await p.app.inject({ url: `/api/files/${file.id}/content`, headers: p.as(elsewhere) })).statusCode).toBe(404);
  });

  it('refuses an executable named .pdf, an oversize file and a missing file, storing nothing', async () => {
    const officer = await p.login('xjk_fujing');
    const exe = await upload(officer, '身份证.pdf', Buffer.from('MZ\x90\x00 this is a program'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json()).toMatchObject({ code: 'FILE_EXECUTABLE', message: '不允许上传可执行程序或脚本' });
    const big = await upload(officer, 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 32)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('COMMON_PAYLOAD_TOO_LARGE');
    const none = await p.app.inject({ method: 'POST', url: '/api/files/', headers: { ...p.as(officer), 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(none.statusCode).toBe(400);
    const logs = (await p.app.inject({ url: '/api/admin/audit/logs?action=files.upload&pageSize=50', headers: p.as(await p.login('admin')) })).json();
    expect(logs.total).toBe(1); // only the accepted PDF
  });

  it('requires login', async () => {
    const body = multipart('a.pdf', Buffer.from('%PDF-1.7'));
    expect((await p.app.inject({ method: 'POST', url: '/api/files/', headers: body.headers, payload: body.payload })).statusCode).toBe(401);
  });
});
