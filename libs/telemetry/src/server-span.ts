import { context, createContextKey, SpanKind, type Attributes, type Span } from '@opentelemetry/api';
import { contextFromHeaders } from './trace-context';
import { inSpan } from './in-span';

const SERVER_SPAN = createContextKey('polyplus server span');

type IncomingRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/**
 * Runs the handling of one incoming HTTP request in a SERVER span that continues the caller's
 * trace (`traceparent`), or starts one. `name` is provisional: the GraphQL layer renames it after
 * the operation once it is known ({@link activeServerSpan}).
 */
export function inServerSpan<T>(
  name: string,
  request: IncomingRequest,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = contextFromHeaders(request.headers);
  return inSpan(
    name,
    {
      kind: SpanKind.SERVER,
      parent,
      attributes: { 'http.request.method': request.method ?? 'GET', 'url.path': (request.url ?? '/').split('?')[0], ...attributes },
    },
    (span) => context.with(context.active().setValue(SERVER_SPAN, span), () => work(span)),
  );
}

/** The SERVER span of the request being handled, however deep in its spans the caller is. */
export function activeServerSpan(): Span | undefined {
  return context.active().getValue(SERVER_SPAN) as Span | undefined;
}
