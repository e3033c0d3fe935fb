import { authGroup, authRules } from '../groups/auth';
import { gatewayAddressGroup, subgraphDirectoryGroup } from '../groups/directory';
import { gatewayEdgeGroup, gatewaySubgraphGroup } from '../groups/gateway';
import { attachmentGroup, caseGroup, webhookGroup } from '../groups/incidents';
import { logisticsGroup, mailGroup, schedulerGroup } from '../groups/mail';
import { mysqlGroup, mysqlUrlOf } from '../groups/mysql';
import { keyringRules, objectStorageGroup, objectStoreRules } from '../groups/object-storage';
import { loggingGroup, metricsGroup, runtimeGroup, tracingGroup } from '../groups/runtime';
import { boardPageGroup, supportCenterPageGroup } from '../groups/web-page';
import { defineService, type ServiceSchema } from '../service-schema';
import { backendGroup, backendRules, subgraphGroup, verifierGroup, verifierRules } from './base';

export const gatewaySchema = defineService(
  'gateway',
  'The gateway (apps/gateway)',
  {
    ...verifierGroup,
    ...subgraphDirectoryGroup,
    GATEWAY_PORT: gatewayAddressGroup.GATEWAY_PORT,
    ...gatewayEdgeGroup,
    ...gatewaySubgraphGroup,
  },
  verifierRules,
);

export const customersSchema = defineService(
  'customers',
  'The customers subgraph (apps/customers)',
  { ...subgraphGroup, ...mysqlUrlOf('customers'), FILES_PUBLIC_URL: attachmentGroup.FILES_PUBLIC_URL },
  verifierRules,
);
export const devicesSchema = defineService(
  'devices',
  'The devices subgraph (apps/devices)',
  { ...subgraphGroup, ...mysqlUrlOf('devices') },
  verifierRules,
);
export const incidentsSchema = defineService(
  'incidents',
  'The incidents subgraph (apps/incidents)',
  { ...subgraphGroup, ...mysqlUrlOf('incidents'), ...objectStorageGroup, ...attachmentGroup, ...webhookGroup, ...caseGroup },
  [
    ...verifierRules,
    ...keyringRules,
    ...objectStoreRules,
    (config, production) =>
      production && config.WEBHOOK_ALLOW_PRIVATE_HOSTS?.length ? 'WEBHOOK_ALLOW_PRIVATE_HOSTS must not be set in production' : undefined,
  ],
);
export const logisticsSchema = defineService(
  'logistics',
  'The logistics subgraph (apps/logistics)',
  { ...subgraphGroup, ...mysqlUrlOf('logistics'), ...logisticsGroup },
  verifierRules,
);
export const dispatchSchema = defineService(
  'dispatch',
  'The dispatch subgraph (apps/dispatch)',
  { ...subgraphGroup, ...mysqlUrlOf('dispatch') },
  verifierRules,
);
export const notificationsSchema = defineService(
  'notifications',
  'The notifications subgraph (apps/notifications)',
  { ...subgraphGroup, ...mysqlUrlOf('notifications'), ...mailGroup },
  verifierRules,
);
export const schedulerSchema = defineService(
  'scheduler',
  'The scheduler worker (apps/scheduler)',
  { ...backendGroup, ...mysqlGroup, ...mysqlUrlOf('dispatch'), ...schedulerGroup },
  backendRules,
);

// The page servers sign development tokens with the gateway's keys outside production; in production
// they sign nothing, so they do not require the keys there.
const pageAuthGroup = Object.fromEntries(
  Object.entries(authGroup).map(([name, entry]) => [name, { ...entry, requiredInProduction: false }]),
) as typeof authGroup;
const webPageGroup = { ...runtimeGroup, ...loggingGroup, ...tracingGroup, ...metricsGroup, ...gatewayAddressGroup, ...pageAuthGroup };
export const dispatchBoardSchema = defineService(
  'dispatch-board',
  'The dispatch board’s server (apps/dispatch-board)',
  { ...webPageGroup, ...boardPageGroup },
  authRules,
);
export const supportCenterSchema = defineService(
  'support-center',
  'The Online Support Center’s server (apps/support-center)',
  { ...webPageGroup, ...supportCenterPageGroup },
  authRules,
);

/** Every service's schema, in the order the docs list them. */
export const SERVICE_SCHEMAS: readonly ServiceSchema[] = [
  gatewaySchema,
  customersSchema,
  devicesSchema,
  incidentsSchema,
  logisticsSchema,
  dispatchSchema,
  notificationsSchema,
  schedulerSchema,
  dispatchBoardSchema,
  supportCenterSchema,
] as unknown as readonly ServiceSchema[];
