import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './testing/test-platform';

let p: TestPlatform;
beforeAll(async () => { p = await createTestPlatform(); });
afterAll(() => p.close());

describe('platform HTTP behaviour', () => {
  it('answers health with the database state and version', async () => {
    const res = await p.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('publishes an OpenAPI 3 document generated from the route schemas, and a docs page', async () => {
    const doc = (await p.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/identity/users', '/api/admin/audit/logs']));
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    const docs = await p.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('exposes Prometheus metrics: latency by route, DB pool and event-loop lag', async () => {
    await p.app.inject({ url: '/api/health' });
    const text = (await p.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*route="\/api\/health"/);
    expect(text).toContain('db_pool_total_connections');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('gives every error the same shape, with the trace id also in the response header', async () => {
    const res = await p.app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body).toMatchObject({ code: 'COMMON_ROUTE_NOT_FOUND', message: '接口不存在' });
    expect(body.traceId).toBe(res.headers['x-trace-id']);
    const unauth = await p.app.inject({ url: '/api/auth/me' });
    expect(unauth.statusCode).toBe(401);
    expect(unauth.json().code).toBe('COMMON_UNAUTHENTICATED');
    const badToken = await p.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(badToken.statusCode).toBe(401);
  });

  it('continues the caller\'s W3C trace instead of starting a new one', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await p.app.inject({ url: '/api/health', headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(res.headers['x-trace-id']).toBe(traceId);
  });

  it('sends security headers', async () => {
    const res = await p.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('rejects oversize and malformed bodies with clear codes', async () => {
    const big = await p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":"${'x'.repeat(1_100_000)}"}` });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('COMMON_PAYLOAD_TOO_LARGE');
    const malformed = await p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('COMMON_MALFORMED_JSON');
  });

  it('throttles repeated login attempts for one username from one address', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'x' } })).json().code);
    }
    expect(codes.slice(0, 10).every((c) => c === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    expect(codes[10]).toBe('COMMON_RATE_LIMITED');
    // another username from the same address is not affected
    expect((await p.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost2', password: 'x' } })).json().code).toBe('AUTH_INVALID_CREDENTIALS');
  });
});
