import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import { requestLogContext, serviceLogger, withLogContext } from '@polyplus/logger';

/** What every connection's context carries besides our own fields. */
export type SocketExtra = { socket: WebSocket; request: IncomingMessage };

const KEEP_ALIVE_MS = 12_000;

/**
 * graphql-ws's protocol server on a `ws` server — what `graphql-ws/use/ws` does (its subpath export
 * is out of reach of this repo's module resolution), with a ping/pong keep-alive that drops
 * half-open connections, and internal errors never shown to the client.
 */
export function useGraphQLWs<E extends Record<string, unknown>>(
  options: ServerOptions<Record<string, unknown> | undefined, SocketExtra & E>,
  wss: WebSocketServer,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wss.options.handleProtocols = handleProtocols;
  wss.on('connection', (socket, request) => {
    socket.once('error', () => socket.close(CloseCode.InternalServerError, 'Internal server error'));
    // One request id per connection, from its upgrade request: the lines of its operations share it.
    const logContext = requestLogContext(request.headers);
    let pongWait: NodeJS.Timeout | undefined;
    const keepAlive = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) return resolve();
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (callback) => {
          const handle = async (data: RawData) => {
            try {
              await withLogContext(logContext, () => callback(String(data)));
            } catch (error) {
              withLogContext(logContext, () => serviceLogger('subscriptions').error({ err: error }, 'message handling failed'));
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          };
          // Fire-and-forget per message: handle() logs a failure and closes the socket.
          socket.on('message', (data) => void handle(data));
        },
      },
      { socket, request } as SocketExtra & E,
    );
    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(keepAlive);
      closed(code, String(reason)).catch((error: unknown) =>
        withLogContext(logContext, () => serviceLogger('subscriptions').error({ err: error }, 'connection clean-up failed')),
      );
    });
  });
  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
