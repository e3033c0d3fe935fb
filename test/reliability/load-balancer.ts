import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Backend = { host: string; port: number };

/**
 * A TCP load balancer in front of a service's replicas, like a Kubernetes Service in front of its
 * pods: each new connection goes to the next replica in turn. A replica that refuses the
 * connection (it died) is skipped for a moment and the connection goes to the next one, as a
 * proxy retries a failed connect; a connection that was open to a replica when it died is simply
 * cut, as it would be in a cluster.
 */
export type LoadBalancer = {
  port: number;
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  add(backend: Backend): void;
  /** Connections each backend was given. */
  counts(): Map<string, number>;
  stop(): Promise<void>;
};

const key = (backend: Backend) => `${backend.host}:${backend.port}`;

export async function startLoadBalancer(): Promise<LoadBalancer> {
  const backends: Backend[] = [];
  const downUntil = new Map<string, number>();
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let next = 0;

  const forward = (client: Socket, attempt: number) => {
    const live = backends.filter((backend) => (downUntil.get(key(backend)) ?? 0) <= Date.now());
    const candidates = live.length > 0 ? live : backends;
    if (candidates.length === 0 || attempt > backends.length + 1) {
      client.destroy();
      return;
    }
    const backend = candidates[next++ % candidates.length];
    const upstream = connect(backend.port, backend.host);
    sockets.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      counts.set(key(backend), (counts.get(key(backend)) ?? 0) + 1);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      if (!connected) {
        downUntil.set(key(backend), Date.now() + 2_000);
        sockets.delete(upstream);
        forward(client, attempt + 1);
        return;
      }
      client.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  };

  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on('error', () => undefined);
    client.on('close', () => sockets.delete(client));
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/graphql') => `http://127.0.0.1:${port}${path}`,
    add: (backend) => void backends.push(backend),
    counts: () => counts,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
