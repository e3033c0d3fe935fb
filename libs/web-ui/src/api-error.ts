// The API's refusals in words a customer can act on. Each error carries a stable extensions.code
// and, for bad input, the field at fault; the page names the field and keeps the API's own reason.
import type { CombinedError } from 'urql';

/** One row of a bulk registration the API refused (extensions.rows). */
export type RowProblem = { row: number; serialNumber?: string; field?: string; problem?: string; message: string };

export type ApiProblem = {
  /** extensions.code, or NETWORK when no answer came back. */
  code: string;
  /** The API's own message. */
  message: string;
  /** The input field at fault, when the API named one. */
  field: string | null;
  /** Bulk registration: every row at fault. */
  rows: RowProblem[];
  retryAfterSeconds: number | null;
};

type Extensions = { code?: unknown; field?: unknown; fields?: unknown; rows?: unknown; retryAfterSeconds?: unknown };

function fieldOf(extensions: Extensions): string | null {
  if (typeof extensions.field === 'string') return extensions.field;
  if (Array.isArray(extensions.fields)) {
    const first = extensions.fields[0] as { field?: unknown } | string | undefined;
    if (typeof first === 'string') return first;
    if (first && typeof first.field === 'string') return first.field;
  }
  return null;
}

function rowsOf(extensions: Extensions): RowProblem[] {
  if (!Array.isArray(extensions.rows)) return [];
  return extensions.rows.filter(
    (row): row is RowProblem =>
      typeof row === 'object' &&
      row !== null &&
      typeof (row as RowProblem).row === 'number' &&
      typeof (row as RowProblem).message === 'string',
  );
}

/** What went wrong, from a urql error: the first GraphQL error, or the network failure. */
export function apiProblem(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError' | 'message'> & { response?: { status?: number } },
): ApiProblem {
  const first = error.graphQLErrors[0];
  if (first) {
    const extensions = (first.extensions ?? {}) as Extensions;
    return {
      code: typeof extensions.code === 'string' ? extensions.code : 'UNKNOWN',
      message: first.message,
      field: fieldOf(extensions),
      rows: rowsOf(extensions),
      retryAfterSeconds: typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : null,
    };
  }
  const status = error.response?.status;
  if (status === 401)
    return { code: 'UNAUTHENTICATED', message: 'The gateway refused the sign-in', field: null, rows: [], retryAfterSeconds: null };
  return { code: 'NETWORK', message: error.networkError?.message ?? error.message, field: null, rows: [], retryAfterSeconds: null };
}

/** A readable field name: "input.serialNumber" → "serial number". */
export function fieldLabel(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** One sentence for the page: what happened and, where it helps, what to do. */
export function describeApiProblem(problem: ApiProblem): string {
  switch (problem.code) {
    case 'UNAUTHENTICATED':
      return `Your sign-in is no longer accepted (${problem.message}). Sign out and sign in again.`;
    case 'FORBIDDEN':
      return `Not allowed: ${problem.message}`;
    case 'NOT_FOUND':
      return `Not found: ${problem.message}`;
    case 'BAD_USER_INPUT':
      return problem.field
        ? `Please check the ${fieldLabel(problem.field)}: ${problem.message}`
        : `Please check what you entered: ${problem.message}`;
    case 'CONFLICT':
      return `Not possible right now: ${problem.message}`;
    case 'RATE_LIMITED':
      return `Too many requests; try again${problem.retryAfterSeconds ? ` in ${problem.retryAfterSeconds} seconds` : ' shortly'}.`;
    case 'SERVICE_UNAVAILABLE':
    case 'NETWORK':
      return 'The support service cannot be reached right now; try again shortly.';
    default:
      return problem.message;
  }
}
