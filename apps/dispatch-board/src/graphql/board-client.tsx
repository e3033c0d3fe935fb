import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';

/** The state of the subscription socket: the board says so when live updates stop. */
export type LiveStatus = 'connecting' | 'live' | 'down';

type LiveContext = { status: LiveStatus; reason: string | null; connections: number };

const LiveStatusContext = createContext<LiveContext>({ status: 'connecting', reason: null, connections: 0 });

export function useLiveStatus(): LiveContext {
  return useContext(LiveStatusContext);
}

// Same origin: the board server relays /graphql (HTTP and WebSocket) to the gateway, so the page
// needs no cross-origin access and the token never goes anywhere but the gateway.
function endpoints(): { http: string; ws: string } {
  const http = new URL('graphql', window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, ''));
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.toString(), ws: ws.toString() };
}

function createClients(token: string, onStatus: (status: LiveStatus, reason: string | null) => void): { client: Client; socket: SocketClient } {
  const { http, ws } = endpoints();
  const socket = createSocketClient({
    url: ws,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 15_000))),
    on: {
      connecting: () => onStatus('connecting', null),
      connected: () => onStatus('live', null),
      closed: (event) => {
        const close = event as { code?: number; reason?: string };
        onStatus('down', close.reason || (close.code ? `connection closed (${close.code})` : 'connection closed'));
      },
      error: () => onStatus('down', 'the connection to the gateway failed'),
    },
  });
  const client = new Client({
    url: http,
    // POST with a JSON body: the gateway's CSRF protection refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, socket };
}

/** One GraphQL client per token: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function BoardClientProvider({ token, children }: { token: string; children: ReactNode }) {
  const [live, setLive] = useState<LiveContext>({ status: 'connecting', reason: null, connections: 0 });
  const [clients, setClients] = useState<{ client: Client; socket: SocketClient } | null>(null);
  // Created in an effect, not during render: the socket is a resource that must be closed again.
  useEffect(() => {
    const created = createClients(token, (status, reason) =>
      setLive((previous) => ({ status, reason, connections: previous.connections + (status === 'live' ? 1 : 0) })),
    );
    setClients(created);
    return () => void created.socket.dispose();
  }, [token]);
  if (!clients) return null;
  return (
    <LiveStatusContext.Provider value={live}>
      <Provider value={clients.client}>{children}</Provider>
    </LiveStatusContext.Provider>
  );
}
