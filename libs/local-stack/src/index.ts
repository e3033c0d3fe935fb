export {
  startStack,
  startBoardProcess,
  startPortalProcess,
  freePort,
  waitForHealth,
  stopChild,
  compiledEntry,
  BOARD_PORT,
  SUPPORT_CENTER_PORT,
  type Stack,
  type StackOptions,
  type StackProcess,
  type BoardProcessOptions,
  type WebAppProcess,
} from './stack';
export { buildBoard, boardSignInUrl } from './board';
export { queueDashboardSignInUrl, type QueueDashboardDemo } from './queue-dashboard';
export { buildGraphqlIde } from './graphql-ide';
export { buildWebApp, type WebAppName } from './web-app';
export type { StackMail } from './mail';
export { checkDependencies } from './preflight';
export { graphqlRequest, graphqlData, type GraphQLResult, type GraphQLErrorShape, type GraphQLTarget } from './graphql-request';
export { DEMO_ENGINEER, DEMO_PLANNER, tokenFor } from './demo-tokens';
export { productionSecrets } from './production-secrets';
