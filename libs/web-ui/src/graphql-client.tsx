import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from 'urql';
import { createClient as createSocketClient, type Client as SocketClient } from 'graphql-ws';

/** The state of the subscription socket: pages say so when live updates stop. `off` without a sign-in. */
export type LiveStatus = 'connecting' | 'live' | 'down' | 'off';

export type LiveState = { status: LiveStatus; reason: string | null; connections: number };

const LiveStatusContext = createContext<LiveState>({ status: 'off', reason: null, connections: 0 });

export function useLiveStatus(): LiveState {
  return useContext(LiveStatusContext);
}

/** This page's own /graphql (its server relays it to the gateway), over HTTP and WebSocket. */
export function graphqlEndpoints(location: { href: string } = window.location): { http: string; ws: string } {
  // From the origin, not the current view: a view's address may be several segments deep.
  const http = new URL('/graphql', location.href);
  const ws = new URL(http);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { http: http.toString(), ws: ws.toString() };
}

type Clients = { client: Client; socket: SocketClient | null };

function createClients(token: string | null, onStatus: (status: LiveStatus, reason: string | null) => void): Clients {
  const { http, ws } = graphqlEndpoints();
  // Subscriptions need a principal: without a sign-in there is no socket, only public queries.
  const socket = token
    ? createSocketClient({
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
      })
    : null;
  const client = new Client({
    url: http,
    // POST with a JSON body: the gateway's CSRF protection refuses simple GET requests.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : ({} as Record<string, string>) }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            if (!socket) {
              sink.complete();
              return { unsubscribe: () => undefined };
            }
            return { unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) };
          },
        }),
      }),
    ],
  });
  return { client, socket };
}

/**
 * One GraphQL client per token: queries and mutations over HTTP to this page's /graphql,
 * subscriptions over graphql-ws on the same path. `token` null: public queries only.
 */
export function GraphqlClientProvider({ token, children }: { token: string | null; children: ReactNode }) {
  const [live, setLive] = useState<LiveState>({ status: token ? 'connecting' : 'off', reason: null, connections: 0 });
  const [clients, setClients] = useState<Clients | null>(null);
  // Created in an effect, not during render: the socket is a resource that must be closed again.
  useEffect(() => {
    setLive({ status: token ? 'connecting' : 'off', reason: null, connections: 0 });
    const created = createClients(token, (status, reason) =>
      setLive((previous) => ({ status, reason, connections: previous.connections + (status === 'live' ? 1 : 0) })),
    );
    setClients(created);
    return () => void created.socket?.dispose();
  }, [token]);
  if (!clients) return null;
  return (
    <LiveStatusContext.Provider value={live}>
      <Provider value={clients.client}>{children}</Provider>
    </LiveStatusContext.Provider>
  );
}
