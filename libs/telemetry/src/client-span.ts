import { SpanKind, trace } from '@opentelemetry/api';
import { inSpan, recordFailure } from './in-span';
import { injectTraceHeaders } from './trace-context';
import { tracingEnabled } from './tracing-state';

/**
 * Sends one HTTP request to another service in a CLIENT span whose `traceparent` goes along in the
 * request headers, so the callee's SERVER span is its child. Only within a trace: a call made
 * outside any (a health probe) and every call with tracing off is sent untouched.
 */
export function inClientSpan(url: URL, init: RequestInit, send: (init: RequestInit) => Promise<Response>): Promise<Response> {
  if (!tracingEnabled() || !trace.getActiveSpan()) return send(init);
  const method = (init.method ?? 'GET').toUpperCase();
  return inSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': method,
        'url.full': url.href,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      },
    },
    async (span) => {
      const headers = new Headers(init.headers);
      injectTraceHeaders(headers);
      const response = await send({ ...init, headers });
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) recordFailure(span, new Error(`HTTP ${response.status}`));
      return response;
    },
  );
}
