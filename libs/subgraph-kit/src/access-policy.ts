import { isObjectType, type GraphQLSchema } from 'graphql';
import { Directive, Extensions, type MiddlewareFn } from 'type-graphql';
import { canSeeCustomer, isCustomerScoped, type Principal, type Role } from '@polyplus/auth';
import { forbidden } from './errors';
import type { SubgraphContext } from './principal-context';

/** Support engineers, and the services that look things up for them. */
export const SUPPORT: readonly Role[] = ['SUPPORT_ENGINEER', 'SERVICE'];
/** Every vendor role: support engineers, dispatch planners and services. */
export const STAFF: readonly Role[] = ['SUPPORT_ENGINEER', 'DISPATCH_PLANNER', 'SERVICE'];
/** A customer's own people: its admins and its designated technicians. */
export const CUSTOMER_USERS: readonly Role[] = ['CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN'];
/** Everyone who acts for customers: their people and the partner systems they authorised. */
export const CUSTOMER_SIDE: readonly Role[] = [...CUSTOMER_USERS, 'PARTNER'];

const ACCESS = 'polyplusAccess';
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Who may call a root field, or read an object field: the roles named and nobody else. A root
 * field without one is refused for everyone; an object field without one is readable by whoever
 * may read its parent. Customer-side roles are further held to their own customers' ids.
 */
export function Access(...roles: (Role | readonly Role[])[]): MethodDecorator & PropertyDecorator {
  const named = [...new Set(roles.flat())];
  const decorators = [Extensions({ [ACCESS]: named }), Directive(`@access(roles: ${JSON.stringify(named)})`)];
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor as never);
  };
}

/**
 * The `@access` directive each subgraph declares and composes into the supergraph, so the composed
 * schema states who may call every field (the gateway does not enforce it; each subgraph does).
 */
export const ACCESS_SCHEMA_EXTENSION = `extend schema @link(url: "https://polyplus.dev/access/v1.0", import: ["@access"]) @composeDirective(name: "@access")

directive @access(roles: [String!]!) on FIELD_DEFINITION`;

/** Access policies of a type-graphql schema, keyed `Type.field`. */
export type AccessPolicies = ReadonlyMap<string, readonly Role[]>;

export function accessPoliciesOf(schema: GraphQLSchema): Map<string, readonly Role[]> {
  const policies = new Map<string, readonly Role[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const roles = (field.extensions as Record<string, unknown> | undefined)?.[ACCESS];
      if (Array.isArray(roles)) policies.set(`${type.name}.${field.name}`, roles as Role[]);
    }
  }
  return policies;
}

/** Root fields of `schema` that name no roles; federation's own `_service`/`_entities` are tenant-scoped elsewhere. */
export function rootFieldsWithoutPolicy(schema: GraphQLSchema, policies: AccessPolicies): string[] {
  const unguarded: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const name of Object.keys(root?.getFields() ?? {})) {
      if (!name.startsWith('_') && !policies.has(`${root?.name}.${name}`)) unguarded.push(`${root?.name}.${name}`);
    }
  }
  return unguarded;
}

/**
 * Fail-closed authorisation of every field a subgraph resolves. `policies` may be filled after the
 * middleware is created (the schema that carries them is built with it).
 */
export function accessPolicyMiddleware(policies: AccessPolicies): MiddlewareFn<SubgraphContext> {
  return async ({ context, info, args }, next) => {
    const root = ROOT_TYPES.has(info.parentType.name);
    const roles = policies.get(`${info.parentType.name}.${info.fieldName}`);
    if (!roles && !root) return next();
    const principal = context?.principal;
    if (!roles) throw forbidden(`${info.fieldName} is not open to any caller`);
    if (!principal || !roles.includes(principal.role))
      throw forbidden(`${info.fieldName} is not available to ${principal?.role ?? 'anonymous callers'}`);
    if (root && isCustomerScoped(principal)) assertOwnCustomer(principal, args, info.parentType.name === 'Mutation');
    return next();
  };
}

/**
 * A customer-side caller names only its own customers (`customerId` argument or input field); a
 * mutation naming a contact (`input.contactId`) acts only as the caller itself. Naming a foreign
 * customer is refused rather than answered with an empty list, so a client bug shows up as FORBIDDEN.
 */
function assertOwnCustomer(principal: Principal, args: Record<string, unknown>, mutation: boolean): void {
  const input = args.input as { customerId?: unknown; contactId?: unknown } | undefined;
  const named = [args.customerId, input?.customerId].filter((id): id is string => typeof id === 'string');
  if (named.some((customerId) => !canSeeCustomer(principal, customerId))) throw forbidden('You may act only for your own customer account');
  if (mutation && input?.contactId !== undefined && input.contactId !== principal.contactId)
    throw forbidden('You may act only as your own contact');
}
