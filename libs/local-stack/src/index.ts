export { startStack, freePort, type Stack, type StackOptions } from './stack';
export { checkDependencies } from './preflight';
export { graphqlRequest, graphqlData, type GraphQLResult, type GraphQLErrorShape, type GraphQLTarget } from './graphql-request';
export { DEMO_ENGINEER, tokenFor } from './demo-tokens';
