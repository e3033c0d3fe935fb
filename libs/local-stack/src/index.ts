export { startStack, startBoardProcess, freePort, waitForHealth, BOARD_PORT, type Stack, type StackOptions, type BoardProcessOptions } from './stack';
export { buildBoard } from './board';
export type { StackMail } from './mail';
export { checkDependencies } from './preflight';
export { graphqlRequest, graphqlData, type GraphQLResult, type GraphQLErrorShape, type GraphQLTarget } from './graphql-request';
export { DEMO_ENGINEER, DEMO_PLANNER, tokenFor } from './demo-tokens';
