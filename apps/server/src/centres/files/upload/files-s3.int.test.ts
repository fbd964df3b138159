import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform';
import { FAKE_S3_CREDENTIALS, startFakeS3, type FakeS3 } from '../testing/fake-s3';

let s3: FakeS3;
let p: TestPlatform;
beforeAll(async () => {
  s3 = await startFakeS3('jsga-uploads');
  p = await createTestPlatform({ env: {
    BLOB_STORE: 's3', S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: FAKE_S3_CREDENTIALS.accessKeyId, S3_SECRET_ACCESS_KEY: FAKE_S3_CREDENTIALS.secretAccessKey,
  } });
});
afterAll(async () => {
  await p?.close();
  await s3?.close();
});

function multipart(fileName: string, content: Buffer) {
  const boundary = '----jsga' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nmaterial\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('file upload with BLOB_STORE=s3', () => {
  it('puts the bytes in the bucket under their SHA-256 and serves them back from there', async () => {
    const officer = await p.login('xjk_fujing');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n% stored in S3\n%%EOF\n');
    const body = multipart('居住证明.pdf', pdf);
    const res = await p.app.inject({ method: 'POST', url: '/api/files/', headers: { ...p.as(officer), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(200);
    const file = res.json();
    expect(file).toMatchObject({ fileName: '居住证明.pdf', size: pdf.length, type: 'pdf' });

    const put = s3.requests.find((r) => r.method === 'PUT');
    expect(put?.url).toBe(`/${s3.bucket}/${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`);
    expect(put?.headers['x-amz-content-sha256']).toBe(file.sha256);

    const gets = s3.requests.filter((r) => r.method === 'GET').length;
    const content = await p.app.inject({ url: `/api/files/${file.id}/content`, headers: p.as(officer) });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(pdf)).toBe(true);
    expect(s3.requests.filter((r) => r.method === 'GET').length).toBe(gets + 1);
    expect(s3.requests.every((r) => r.signatureOk)).toBe(true);
  });

  it('answers 502 with a stable code and no storage details when the bucket goes away, and records no file', async () => {
    const officer = await p.login('xjk_fujing');
    const admin = await p.login('admin');
    const uploads = async () => (await p.app.inject({ url: '/api/admin/audit/logs?action=files.upload&pageSize=50', headers: p.as(admin) })).json().total as number;
    const before = await uploads();
    await s3.close(); // the store is down from here on
    const body = multipart('户口簿.pdf', Buffer.from('%PDF-1.7\n% another file\n%%EOF\n'));
    const res = await p.app.inject({ method: 'POST', url: '/api/files/', headers: { ...p.as(officer), ...body.headers }, payload: body.payload });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'FILE_STORE_UNAVAILABLE', message: '文件存储服务暂时不可用，请稍后重试', details: { operation: 'head', reason: 'network' } });
    expect(res.body).not.toContain(FAKE_S3_CREDENTIALS.secretAccessKey);
    expect(res.body).not.toContain(s3.endpoint);
    expect(await uploads()).toBe(before);
  });
});
