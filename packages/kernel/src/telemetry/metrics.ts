import client from 'prom-client';
import type { PoolStats } from '../db/db';

export type Metrics = {
  registry: client.Registry;
  observeHttp(labels: { method: string; route: string; status: number }, seconds: number): void;
};

/** Prometheus metrics: default process metrics (incl. event-loop lag), HTTP latency by route, DB pool. */
export function createMetrics(opts: { poolStats: () => PoolStats; prefix?: string }): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const http = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
    registers: [registry],
  });
  for (const [key, help] of [['total', '连接总数'], ['idle', '空闲连接数'], ['waiting', '等待连接的请求数']] as const) {
    new client.Gauge({
      name: `db_pool_${key}_connections`,
      help: `DB pool ${key} (${help})`,
      registers: [registry],
      collect() { this.set(opts.poolStats()[key]); },
    });
  }
  return {
    registry,
    observeHttp: (l, seconds) => http.observe({ method: l.method, route: l.route, status_code: String(l.status) }, seconds),
  };
}
