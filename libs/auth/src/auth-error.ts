export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

/** A refused credential or header; `code` maps to the GraphQL `extensions.code`. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
