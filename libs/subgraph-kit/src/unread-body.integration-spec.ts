import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerAfterUnreadBody } from './unread-body';

const BODY = Buffer.alloc(4 * 1024 * 1024, 1);

type Outcome = { status?: number; error?: string };

/** A 4 MiB upload on a connection of its own; what the uploader saw once that connection closed. */
function put(port: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = {};
    const client = httpRequest(
      { port, method: 'PUT', path: '/upload', agent: false, headers: { 'content-length': String(BODY.length) } },
      (answer) => {
        outcome.status = answer.statusCode;
        answer.resume();
      },
    );
    client.on('error', (error: NodeJS.ErrnoException) => (outcome.error ??= error.code));
    client.once('socket', (socket) => socket.once('close', () => resolve(outcome)));
    client.end(BODY);
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('a refused upload', () => {
  let server: Server | undefined;

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('reaches the uploader as the refusal, never as a reset connection, though refused before a byte was read', async () => {
    server = createServer((request, response) =>
      answerAfterUnreadBody(request, () => {
        response.writeHead(403, { 'content-type': 'application/json' });
        response.end('{"errors":[{"message":"No such link","extensions":{"code":"FORBIDDEN"}}]}');
      }),
    );
    const port = await listen(server);
    const outcomes: Outcome[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) outcomes.push(await put(port));
    expect(outcomes).toEqual(Array(10).fill({ status: 403 }));
  });

  it('a body beyond the discard limit is not waited for: the refusal goes out and the connection is cut', async () => {
    server = createServer((request, response) =>
      answerAfterUnreadBody(
        request,
        () => {
          response.writeHead(413);
          response.end();
        },
        { bytes: 1024, ms: 60_000 },
      ),
    );
    const outcome = await put(await listen(server));
    expect(outcome.status === 413 || outcome.error !== undefined).toBe(true);
  });
});
