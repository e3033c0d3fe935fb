import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type BuildSchemaOptions, type ContainerType } from 'type-graphql';
import type { Principal, Role } from '@polyplus/auth';
import { scopeToTenant, tenantScopeMiddleware, type TenantOwnership } from './tenant-scope';
import { ACCESS_SCHEMA_EXTENSION, accessPoliciesOf, accessPolicyMiddleware, type AccessPolicies } from './access-policy';
import { batchedReferenceResolver, isBatchedReference, type BatchedReference } from './batched-reference';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@composeDirective"])';

/**
 * `__resolveReference` per entity type name: the only way other subgraphs reach this one's entities.
 * An entity read from a table is declared `byIds(...)`, so one `_entities` call is one query; a
 * function resolves one representation (stubs that need no look-up).
 */
export type ReferenceResolvers<TContext> = Record<
  string,
  ((reference: { __typename: string; id: string } & Record<string, unknown>, context: TContext) => unknown) | BatchedReference
>;

export type FederatedSchemaOptions<TContext> = {
  resolvers: NonNullable<BuildSchemaOptions['resolvers']>;
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** Resolver instances keyed by class: resolvers get their services by constructor injection. */
  instances: object[];
  references: ReferenceResolvers<TContext>;
  /** Who owns each entity type: customer principals see only their customers' values. */
  ownership?: TenantOwnership;
};

export type FederatedSchema = {
  schema: GraphQLSchema;
  sdl: string;
  /** Who may call each field (`Type.field` → roles), from the resolvers' `@Access` declarations. */
  accessPolicies: AccessPolicies;
};

function containerOf(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((instance) => [instance.constructor, instance]));
  return {
    get(someClass) {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`No instance registered for ${(someClass as { name?: string }).name}`);
      return instance;
    },
  };
}

/** type-graphql resolvers → a Federation 2 subgraph schema with `@key` entities and reference resolvers. */
export async function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): Promise<FederatedSchema> {
  const accessPolicies = new Map<string, readonly Role[]>();
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    container: containerOf(options.instances),
    validate: { forbidUnknownValues: false },
    globalMiddlewares: [accessPolicyMiddleware(accessPolicies), ...(options.ownership ? [tenantScopeMiddleware(options.ownership)] : [])],
    skipCheck: true,
  });
  for (const [field, roles] of accessPoliciesOf(typeGraphqlSchema)) accessPolicies.set(field, roles);
  const sdl = `${FEDERATION_LINK}\n\n${ACCESS_SCHEMA_EXTENSION}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<TContext>;
  for (const [typeName, declared] of Object.entries(options.references)) {
    const resolveReference = isBatchedReference(declared) ? batchedReferenceResolver(declared) : declared;
    // Scoped per representation, as before batching: a hidden one is null in its own place.
    const scoped = async (reference: { __typename: string; id: string } & Record<string, unknown>, context: TContext) => {
      const value = await resolveReference(reference, context);
      const principal = (context as { principal?: Principal }).principal;
      return principal && options.ownership ? scopeToTenant(value, principal, options.ownership) : value;
    };
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: scoped } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> });
  return { schema, sdl, accessPolicies };
}
