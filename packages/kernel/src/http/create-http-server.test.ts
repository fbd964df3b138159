import { describe, expect, it, vi } from 'vitest';
import { createMetrics } from '../telemetry/metrics';
import { createTracing } from '../telemetry/tracing';
import { createHttpServer } from './create-http-server';

describe('http server logging', () => {
  it('logs request paths without their query strings, which may carry ID numbers', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; });
    try {
      const app = createHttpServer({ logLevel: 'info', trustProxy: false, bodyLimit: 1024, tracing: createTracing({ serviceName: 't', version: '0' }), metrics: createMetrics({ poolStats: () => ({ total: 0, idle: 0, waiting: 0 }) }) });
      app.get('/api/x', async () => ({ ok: true }));
      await app.inject({ url: '/api/x?holderIdNo=320102198807150034' });
      await app.close();
    } finally {
      spy.mockRestore();
    }
    const log = lines.join('');
    expect(log).toContain('/api/x?…');
    expect(log).not.toContain('320102198807150034');
  });
});
