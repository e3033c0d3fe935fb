export { startStack, freePort, type Stack, type StackOptions } from './stack';
export { checkDependencies } from './preflight';
export { graphqlRequest, graphqlData, type GraphQLResult, type GraphQLErrorShape } from './graphql-request';
