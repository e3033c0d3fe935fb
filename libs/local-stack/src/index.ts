export { startStack, startBoardProcess, startPortalProcess, freePort, waitForHealth, BOARD_PORT, SUPPORT_CENTER_PORT, type Stack, type StackOptions, type BoardProcessOptions, type WebAppProcess } from './stack';
export { buildBoard } from './board';
export { buildWebApp, type WebAppName } from './web-app';
export type { StackMail } from './mail';
export { checkDependencies } from './preflight';
export { graphqlRequest, graphqlData, type GraphQLResult, type GraphQLErrorShape, type GraphQLTarget } from './graphql-request';
export { DEMO_ENGINEER, DEMO_PLANNER, tokenFor } from './demo-tokens';
export { productionSecrets } from './production-secrets';
