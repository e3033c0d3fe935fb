type RelayedError = { message: string; path?: unknown; extensions: { code: string } & Record<string, unknown> };

const UNAVAILABLE = 'A service is temporarily unavailable; try again shortly';

// The code a subgraph's error gets when the subgraph gave none, by the HTTP status it answered with.
function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_USER_INPUT';
  return 'SERVICE_UNAVAILABLE';
}

function graphQLErrorsOf(body: unknown, status: number): { data?: unknown; errors: RelayedError[] } | null {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { errors?: unknown }).errors)) return null;
  const { data, errors } = body as { data?: unknown; errors: unknown[] };
  if (errors.length === 0) return null;
  const relayed = errors.map((error): RelayedError => {
    const { message, path, extensions } = (typeof error === 'object' && error !== null ? error : {}) as {
      message?: unknown;
      path?: unknown;
      extensions?: Record<string, unknown>;
    };
    const code = typeof extensions?.code === 'string' ? extensions.code : codeForStatus(status);
    // Locations point into the operation the gateway wrote for the subgraph, not into the client's.
    return {
      message: typeof message === 'string' ? message : UNAVAILABLE,
      ...(path === undefined ? {} : { path }),
      extensions: { ...extensions, code },
    };
  });
  return data === undefined ? { errors: relayed } : { data, errors: relayed };
}

const jsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/**
 * A subgraph's answer as the gateway should read it. A GraphQL answer with an HTTP error status (a
 * subgraph refuses bad variables with 400) becomes the subgraph's own errors, each with its message
 * and code; anything else that is not a GraphQL answer (a proxy's 502 page, an empty body) becomes
 * SERVICE_UNAVAILABLE. Either way the client never sees the subgraph's address, status line or body.
 */
export async function asGraphQLResponse(response: Response): Promise<Response> {
  const json = /^application\/(graphql-response\+)?json/i.test(response.headers.get('content-type') ?? '');
  if (response.ok && json) return response;
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok && typeof body === 'object' && body !== null) return jsonResponse(body);
  const relayed = graphQLErrorsOf(body, response.status);
  return jsonResponse(relayed ?? { errors: [{ message: UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
}
