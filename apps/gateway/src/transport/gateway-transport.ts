import { redisTarget } from '@polyplus/events';
import {
  assertTransportSecurity,
  listenerHop,
  redisHop,
  subgraphHop,
  SUBGRAPH_NAMES,
  subgraphUrl,
  transportSecurityFromEnv,
  type ServerTls,
} from '@polyplus/subgraph-kit';

/** TRANSPORT_SECURITY=require: the gateway does not start with a plain hop to a subgraph, to Redis, or a plain listener off the host. */
export function checkGatewayTransport(env: NodeJS.ProcessEnv, host: string, tls: ServerTls | undefined): void {
  assertTransportSecurity(
    transportSecurityFromEnv(env),
    [
      listenerHop(host, tls),
      redisHop(redisTarget(env)),
      ...SUBGRAPH_NAMES.map((name) => subgraphHop(`${name.toUpperCase()}_URL`, subgraphUrl(name, env))),
    ],
    'the gateway',
  );
}
