import { isNonNullType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { canSeeCustomer, isCustomerScoped, type Principal } from '@polyplus/auth';
import { DomainError, notFound } from './errors';
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
 * For resolvers whose answer is derived from a customer's record without being that record (an
 * entitlement, a licence list): answers NOT_FOUND, exactly as for an unknown id, when the caller
 * may not see `customerId`.
 */
export function assertVisible(principal: Principal | undefined, customerId: string, entity: string, id: string): void {
  if (principal && !canSeeCustomer(principal, customerId)) throw notFound(entity, id);
}

/**
 * Applied to every field of a subgraph, so every path — a query by id, a list, a nested field —
 * returns only the caller's customers' data; reference resolvers (`_entities`) get the same scope.
 * A hidden value on a non-null field is NOT_FOUND, as an unknown id would be, not a null error.
 */
export function tenantScopeMiddleware(ownership: TenantOwnership): MiddlewareFn<SubgraphContext> {
  return async ({ context, info }, next) => {
    const result = await next();
    if (!context?.principal) return result;
    const scoped = scopeToTenant(result, context.principal, ownership);
    if (scoped === null && result !== null && isNonNullType(info.returnType)) {
      throw new DomainError('NOT_FOUND', `${String(info.returnType.ofType)} was not found`);
    }
    return scoped;
  };
}
