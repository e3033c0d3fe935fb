import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { currentLogContext } from './log-context';
import { withRequestLogContext } from './request-listener';

describe('withRequestLogContext', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    // Answers with the log context its handler sees in a promise continuation (a timer's promise that
    // cannot reject, so the handler leaves it fire-and-forget).
    server = createServer(
      withRequestLogContext((_request, response) => {
        void new Promise((resolve) => setTimeout(resolve, 1)).then(() => response.end(JSON.stringify(currentLogContext())));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("runs the handler with the request's id and trace id, and answers with the id", async () => {
    const response = await fetch(url, {
      headers: { 'x-request-id': 'req-7', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    expect(response.headers.get('x-request-id')).toBe('req-7');
    expect(await response.json()).toEqual({ requestId: 'req-7', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
  });

  it('gives concurrent requests each their own context', async () => {
    const answers = await Promise.all(
      ['a', 'b', 'c'].map(async (id) => (await (await fetch(url, { headers: { 'x-request-id': id } })).json()) as { requestId: string }),
    );
    expect(answers.map((answer) => answer.requestId)).toEqual(['a', 'b', 'c']);
  });
});
