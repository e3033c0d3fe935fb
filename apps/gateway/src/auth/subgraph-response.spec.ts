import { asGraphQLResponse } from './subgraph-response';

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

async function read(response: Response) {
  const answer = await asGraphQLResponse(response);
  return {
    ok: answer.ok,
    body: (await answer.json()) as {
      data?: unknown;
      errors?: { message: string; path?: unknown; locations?: unknown; extensions?: Record<string, unknown> }[];
    },
  };
}

describe('a subgraph answer as the gateway reads it', () => {
  it('a GraphQL answer with an HTTP error status becomes the subgraph’s own errors, with their messages and codes', async () => {
    const refusal = json(
      {
        errors: [
          {
            message: 'Variable "$start" got invalid value "x"',
            locations: [{ line: 1, column: 10 }],
            extensions: { code: 'BAD_USER_INPUT' },
          },
          { message: 'Another problem', extensions: { code: 'BAD_USER_INPUT', field: 'start' } },
        ],
      },
      400,
    );
    const { ok, body } = await read(refusal);
    expect(ok).toBe(true);
    expect(body).toEqual({
      errors: [
        { message: 'Variable "$start" got invalid value "x"', extensions: { code: 'BAD_USER_INPUT' } },
        { message: 'Another problem', extensions: { code: 'BAD_USER_INPUT', field: 'start' } },
      ],
    });
  });

  it('a refusal without a code gets one from its status', async () => {
    const codes = [];
    for (const status of [400, 401, 403, 429, 500])
      codes.push((await read(json({ errors: [{ message: 'no' }] }, status))).body.errors?.[0].extensions?.code);
    expect(codes).toEqual(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);
  });

  it('an answer that is not GraphQL (a proxy’s error page, an empty body, JSON without errors) is SERVICE_UNAVAILABLE and nothing of it is kept', async () => {
    const answers = [
      new Response('<html><body>502 Bad Gateway nginx at 10.0.0.7</body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      }),
      new Response('', { status: 503 }),
      json({ error: 'upstream http://10.0.0.7:4005 timed out' }, 504),
      new Response('OK but not JSON', { status: 200, headers: { 'content-type': 'text/plain' } }),
    ];
    for (const answer of answers) {
      const { body } = await read(answer);
      expect(body).toEqual({
        errors: [{ message: expect.stringMatching(/temporarily unavailable/), extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    }
  });

  it('an ordinary GraphQL answer passes untouched', async () => {
    const answer = json({ data: { customer: { id: 'c1' } } }, 200);
    expect(await asGraphQLResponse(answer)).toBe(answer);
  });
});
