import { authGroup, authRules } from '../groups/auth';
import { clockGroup, clockRules } from '../groups/clock';
import { subgraphDirectoryGroup } from '../groups/directory';
import { mysqlGroup } from '../groups/mysql';
import { eventConsumerGroup, redisGroup, redisRules } from '../groups/redis';
import { loggingGroup, metricsGroup, runtimeGroup, tracingGroup } from '../groups/runtime';
import { transportGroup, transportRules } from '../groups/transport';
import { text } from '../entries';
import type { Rule } from '../service-schema';

/** What every backend service reads: mode, logs, traces, metrics, Redis, the test clock, transport security. */
export const backendGroup = {
  ...runtimeGroup,
  ...loggingGroup,
  ...tracingGroup,
  ...metricsGroup,
  ...redisGroup,
  ...clockGroup,
  ...transportGroup,
} as const;

export const backendRules: Rule<typeof backendGroup>[] = [...redisRules, ...clockRules, ...transportRules];

/** A service that verifies bearer tokens or the signed principal header: the gateway and every subgraph. */
export const verifierGroup = { ...backendGroup, ...authGroup } as const;

export const verifierRules: Rule<typeof verifierGroup>[] = [...backendRules, ...authRules];

/** What every subgraph reads besides: MySQL, the event stream, its peers' addresses, its caller name. */
export const subgraphGroup = {
  ...verifierGroup,
  ...mysqlGroup,
  ...eventConsumerGroup,
  ...subgraphDirectoryGroup,
  SERVICE_NAME: text({ defaultNote: 'the subgraph’s name', description: 'The subject of the service’s calls to other subgraphs.' }),
} as const;
