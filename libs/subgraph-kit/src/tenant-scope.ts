import type { MiddlewareFn } from 'type-graphql';
import { canSeeCustomer, isCustomerScoped, type Principal } from '@polyplus/auth';
import type { SubgraphContext } from './principal-context';

/**
 * Which customer owns a value, by entity class name: a subgraph declares it for every type that
 * holds customer data. `null` means "owned, owner unknown" and is hidden from customer principals.
 */
export type TenantOwnership = Record<string, (value: never) => string | null | undefined>;

function ownerOf(value: unknown, ownership: TenantOwnership): string | null | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const owner = ownership[(value as object).constructor.name];
  return owner ? owner(value as never) : undefined;
}

function visible(value: unknown, principal: Principal, ownership: TenantOwnership): boolean {
  const owner = ownerOf(value, ownership);
  if (owner === undefined) return true;
  return owner !== null && canSeeCustomer(principal, owner);
}

/** Drops what the principal may not see: list items are filtered, a single value becomes null. */
export function scopeToTenant<T>(result: T, principal: Principal, ownership: TenantOwnership): T | null {
  if (!isCustomerScoped(principal)) return result;
  if (Array.isArray(result)) return result.filter((item) => visible(item, principal, ownership)) as T;
  return visible(result, principal, ownership) ? result : null;
}

/**
 * Applied to every field of a subgraph, so every path — a query by id, a list, a nested field —
 * returns only the caller's customers' data; reference resolvers (`_entities`) get the same scope.
 */
export function tenantScopeMiddleware(ownership: TenantOwnership): MiddlewareFn<SubgraphContext> {
  return async ({ context }, next) => {
    const result = await next();
    return context?.principal ? scopeToTenant(result, context.principal, ownership) : result;
  };
}
