import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { formatError } from './format-error';
import { notFound } from './errors';

const silent = () => undefined;

function validationError(property: string, constraints: Record<string, string>): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children: [] });
}

describe('formatError', () => {
  it('keeps a domain error’s message and stable code', () => {
    const error = notFound('Device', 'd1');
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error, silent);
    expect(formatted).toMatchObject({ message: 'Device d1 was not found', extensions: { code: 'NOT_FOUND', entity: 'Device' } });
  });

  it('names each invalid field of a class-validator failure under BAD_USER_INPUT', () => {
    const error = new ArgumentValidationError([validationError('severity', { max: 'severity must not be greater than 3' })]);
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error, silent);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'severity', problems: ['severity must not be greater than 3'] }] });
    expect(formatted.message).toContain('severity');
  });

  it('masks an unexpected error: no SQL, no stack, code INTERNAL_SERVER_ERROR', () => {
    const sqlError = new Error("ER_PARSE_ERROR: near 'SHARE' in SELECT * FROM customer");
    const wrapped = new GraphQLError(sqlError.message, { originalError: sqlError, path: ['customer'] });
    const formatted = formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, wrapped, silent);
    expect(formatted).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('a subgraph that cannot be reached is SERVICE_UNAVAILABLE, without its address', async () => {
    const refused = await fetch('http://127.0.0.1:9/graphql').catch((caught: unknown) => caught as Error);
    const error = new GraphQLError(`request to http://127.0.0.1:9/graphql failed: ${refused.message}`, { originalError: refused });
    const formatted = formatError({ message: error.message }, error, silent);
    expect(formatted).toEqual({ message: 'A service is temporarily unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('relays an error a subgraph already formatted, without the serviceName that maps our topology', () => {
    const relayed = new GraphQLError('Customer c1 was not found', {
      originalError: { message: 'Customer c1 was not found', extensions: { code: 'NOT_FOUND' } } as unknown as Error,
      extensions: { code: 'NOT_FOUND', serviceName: 'customers' },
    });
    const formatted = formatError({ message: relayed.message, extensions: relayed.extensions }, relayed, silent);
    expect(formatted.extensions).toEqual({ code: 'NOT_FOUND' });
  });
});
