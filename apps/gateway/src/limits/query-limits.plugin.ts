import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { coerceVariables } from '../input/request-input';
import { operationShape } from './operation-shape';

export type QueryLimits = { maxDepth: number; maxAliases: number; maxCost: number };

/** Generous for every client query we know, far below what a hostile query needs to hurt. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 2_000 };

// Selections the cost estimator walks before giving up; far beyond any real query.
const MAX_QUERY_NODES = 10_000;

function refuse(message: string, limit: string, value: number, maximum: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, value, maximum, http: { status: 400 } } });
}

/**
 * Refuses an operation that is too deep, uses too many aliases or costs too much, after parsing and
 * validation and before any resolver or subgraph is called. Cost: one point per field; a list field
 * with a `first`/`limit` argument counts that many times its selection, so variables are coerced
 * first: ones that do not fit their types are BAD_USER_INPUT (HTTP 400), never a failure of ours.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return; // nothing to run: refused as BAD_USER_INPUT by the input plugin
          const { depth, aliases } = operationShape(document, operation);
          if (depth > limits.maxDepth)
            throw refuse(`Query depth ${depth} exceeds the maximum of ${limits.maxDepth}`, 'depth', depth, limits.maxDepth);
          if (aliases > limits.maxAliases)
            throw refuse(`Query uses ${aliases} aliases; the maximum is ${limits.maxAliases}`, 'aliases', aliases, limits.maxAliases);
          coerceVariables(schema, operation, request.variables);
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: operation.name?.value,
              variables: request.variables ?? {},
              maxQueryNodes: MAX_QUERY_NODES,
              estimators: [
                ({ args, childComplexity }) => {
                  const size = Number(args.first ?? args.limit ?? 1);
                  return Number.isFinite(size) && size > 1 ? size * (childComplexity || 1) : undefined;
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
          } catch (error) {
            // Once variables coerce, the estimator refuses only a document with more selections than it walks.
            if (!(error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))) throw error;
            throw refuse(`Query has more than ${MAX_QUERY_NODES} selections`, 'nodes', MAX_QUERY_NODES + 1, MAX_QUERY_NODES);
          }
          if (cost > limits.maxCost)
            throw refuse(`Query cost ${cost} exceeds the maximum of ${limits.maxCost}`, 'cost', cost, limits.maxCost);
        },
      };
    },
  };
}
