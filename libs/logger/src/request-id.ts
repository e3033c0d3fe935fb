import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { LogContext } from './log-context';
import { traceIdFromTraceparent } from './trace-id';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is echoed into our logs and response headers: short, and only characters that
// cannot break a log line, a header or a shell (no spaces, quotes, control characters).
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when well formed (at most 128 of `A-Z a-z 0-9 . _ : -`), else a new UUID. */
export function acceptRequestId(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && WELL_FORMED_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The log context of an incoming HTTP request: its request id (accepted or made) and its `traceparent`'s trace id. */
export function requestLogContext(headers: IncomingHttpHeaders): LogContext & { requestId: string } {
  return { requestId: acceptRequestId(headers[REQUEST_ID_HEADER]), traceId: traceIdFromTraceparent(headers.traceparent) };
}

/** A request id for work no caller asked for (a subscription's delivery): its subgraph hops share it. */
export function newRequestId(): string {
  return randomUUID();
}
