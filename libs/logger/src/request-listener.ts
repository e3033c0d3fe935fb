import type { RequestListener } from 'node:http';
import { withLogContext } from './log-context';
import { REQUEST_ID_HEADER, requestLogContext } from './request-id';

/**
 * An HTTP server's listener whose requests each run in their own log context: the caller's
 * well-formed `x-request-id` (else a new one), returned in the response's `x-request-id`, and the
 * trace id of its `traceparent`, on every line logged while the request is handled.
 */
export function withRequestLogContext(listener: RequestListener): RequestListener {
  return (request, response) => {
    const context = requestLogContext(request.headers);
    response.setHeader(REQUEST_ID_HEADER, context.requestId);
    withLogContext(context, () => listener(request, response));
  };
}
