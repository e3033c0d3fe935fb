import { GraphQLError } from 'graphql';

/** Stable `extensions.code` values clients can branch on. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    Object.setPrototypeOf(this, new.target.prototype);
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badUserInput = (message: string, field?: string) => new DomainError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (entity: string, id: string) => new DomainError('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const serviceUnavailable = (message: string) => new DomainError('SERVICE_UNAVAILABLE', message);
