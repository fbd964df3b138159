import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

export type Tracing = {
  /** Starts the server span of a request, continuing the caller's `traceparent` when present. */
  startRequestSpan(name: string, headers: Record<string, string | string[] | undefined>): Span;
  shutdown(): Promise<void>;
};

/**
 * Every request gets a real W3C trace id (shown in logs and error bodies). Spans are exported over
 * OTLP/HTTP only when an endpoint is configured, so call chains across services can be analysed.
 */
export function createTracing(opts: { serviceName: string; version: string; otlpEndpoint?: string }): Tracing {
  const spanProcessors: SpanProcessor[] = [];
  if (opts.otlpEndpoint) {
    const url = `${opts.otlpEndpoint.replace(/\/$/, '')}/v1/traces`;
    spanProcessors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName, 'service.version': opts.version }),
    spanProcessors,
  });
  const propagator = new W3CTraceContextPropagator();
  propagation.setGlobalPropagator(propagator);
  const tracer = provider.getTracer('jsga-http');
  return {
    startRequestSpan(name, headers) {
      const parent = propagator.extract(ROOT_CONTEXT, headers, {
        get: (carrier, key) => carrier[key],
        keys: (carrier) => Object.keys(carrier),
      });
      return tracer.startSpan(name, { kind: SpanKind.SERVER }, parent);
    },
    shutdown: () => provider.shutdown(),
  };
}

export const endSpan = (span: Span, statusCode: number, route: string) => {
  span.setAttribute('http.response.status_code', statusCode);
  span.setAttribute('http.route', route);
  if (statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.updateName(route);
  span.end();
};

export { context, trace };
