export { localDate, localDateTime, localTime, zoneCity } from './date-format';
export { readTokenClaims, type TokenClaims } from './token-claims';
export { apiProblem, describeApiProblem, fieldLabel, type ApiProblem, type RowProblem } from './api-error';
export { GraphqlClientProvider, graphqlEndpoints, useLiveStatus, type LiveState, type LiveStatus } from './graphql-client';
export { useSessionToken, type SessionToken } from './session-token';
export { LocalDateTime } from './local-date-time';
