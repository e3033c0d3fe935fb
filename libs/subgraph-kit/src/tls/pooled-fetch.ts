import type { Dispatcher } from 'undici';

// Statuses whose answers have no body (a Response refuses one).
const NO_BODY = new Set([101, 204, 205, 304]);

function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  new Headers(headers).forEach((value, name) => (record[name] = value));
  return record;
}

function responseHeaders(headers: Dispatcher.ResponseData['headers']): Headers {
  const answer = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const one of value) answer.append(name, one);
    else if (value !== undefined) answer.set(name, value);
  }
  return answer;
}

/**
 * A `fetch` for GraphQL calls over an undici dispatcher's keep-alive pools: one `request` per call,
 * the answer read whole (GraphQL answers are small JSON documents). Cheaper than WHATWG `fetch`,
 * which wraps every call in a Request, an AbortSignal and a stream. String bodies only; a caller's
 * `signal` still cancels the call, and without one the pool's header and body timeouts bound it.
 */
export function pooledFetch(dispatcher: Dispatcher): (url: URL, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      throw new TypeError('Only string bodies are sent to subgraphs');
    }
    const method = (init.method ?? 'GET').toUpperCase() as Dispatcher.HttpMethod;
    let answer: Dispatcher.ResponseData;
    let text: string;
    try {
      answer = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: headerRecord(init.headers),
        body: init.body ?? undefined,
        signal: init.signal ?? undefined,
      });
      text = await answer.body.text();
    } catch (error) {
      // As WHATWG fetch does: a transport failure (refused, reset, a replica killed mid-answer) is
      // `TypeError: fetch failed`, which the gateway reports as SERVICE_UNAVAILABLE and subscription
      // reads retry; a caller's abort stays an abort.
      if (init.signal?.aborted) throw error;
      throw new TypeError('fetch failed', { cause: error });
    }
    const body = NO_BODY.has(answer.statusCode) || method === 'HEAD' ? null : text;
    return new Response(body, { status: answer.statusCode, headers: responseHeaders(answer.headers) });
  };
}
