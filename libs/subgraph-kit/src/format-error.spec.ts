import { GraphQLError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ValidationError } from 'class-validator';
import { QueryFailedError } from 'typeorm';
import { createConnection } from 'mysql2/promise';
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
    expect(formatted.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'severity', problems: ['severity must not be greater than 3'] }],
    });
    expect(formatted.message).toContain('severity');
  });

  it('a validator that throws instead of judging refuses the input as BAD_USER_INPUT, not a 500', () => {
    const error = new ArgumentValidationError(new TypeError("Cannot read properties of undefined (reading 'length')") as never);
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error, silent);
    expect(formatted).toEqual({ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('masks an unexpected error: no SQL, no stack, code INTERNAL_SERVER_ERROR', () => {
    const sqlError = new Error("ER_PARSE_ERROR: near 'SHARE' in SELECT * FROM customer");
    const wrapped = new GraphQLError(sqlError.message, { originalError: sqlError, path: ['customer'] });
    const formatted = formatError(
      { message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } },
      wrapped,
      silent,
    );
    expect(formatted).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('a subgraph that cannot be reached is SERVICE_UNAVAILABLE, without its address', async () => {
    const refused = await fetch('http://127.0.0.1:9/graphql').then(
      () => new Error('nothing should listen on port 9'),
      (caught: unknown) => caught as Error,
    );
    const error = new GraphQLError(`request to http://127.0.0.1:9/graphql failed: ${refused.message}`, { originalError: refused });
    const formatted = formatError({ message: error.message }, error, silent);
    expect(formatted).toEqual({
      message: 'A service is temporarily unavailable; try again shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });

  it('a database that is down or restarting is SERVICE_UNAVAILABLE, without its address; a bad query stays masked as INTERNAL_SERVER_ERROR', async () => {
    const refused = await createConnection({ host: '127.0.0.1', port: 9, user: 'root' }).then(
      () => new Error('nothing should listen on port 9'),
      (caught: unknown) => caught as Error,
    );
    const lost = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST', fatal: true }),
    );
    for (const error of [refused, lost]) {
      const wrapped = new GraphQLError(error.message, { originalError: error, path: ['customer'] });
      const formatted = formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped, silent);
      expect(formatted).toEqual({
        message: 'A service is temporarily unavailable; try again shortly',
        path: undefined,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
    }
    const badQuery = new QueryFailedError(
      'SELECT * FROM nowhere',
      [],
      Object.assign(new Error("Table 'nowhere' doesn't exist"), { code: 'ER_NO_SUCH_TABLE', errno: 1146 }),
    );
    const wrapped = new GraphQLError(badQuery.message, { originalError: badQuery });
    expect(formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped, silent).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it('relays an error a subgraph already formatted, without the serviceName that maps our topology', () => {
    const relayed = new GraphQLError('Customer c1 was not found', {
      originalError: { message: 'Customer c1 was not found', extensions: { code: 'NOT_FOUND' } } as unknown as Error,
      extensions: { code: 'NOT_FOUND', serviceName: 'customers' },
    });
    const formatted = formatError({ message: relayed.message, extensions: relayed.extensions }, relayed, silent);
    expect(formatted.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('keeps only the documented extension keys: a relayed subgraph response, its URL and body, a stack or a library’s extras never pass', () => {
    const documented = {
      field: 'start',
      reason: 'DEVICE_NOT_COVERED',
      fields: [{ field: 'start', problems: ['x'] }],
      rows: [{ row: 1 }],
      entity: 'OnsiteVisit',
      id: 'v1',
    };
    const relayed = new GraphQLError('400: Bad Request', {
      extensions: {
        code: 'BAD_USER_INPUT',
        response: { url: 'http://127.0.0.1:4005/graphql', status: 400, statusText: 'Bad Request', body: { errors: [{ message: 'x' }] } },
        serviceName: 'dispatch',
        stacktrace: ['Error: x', '    at parse (/app/node_modules/graphql/index.js:1:1)'],
        exception: { stacktrace: ['    at x'] },
        sql: 'SELECT * FROM onsite_visit',
        ...documented,
      },
    });
    const formatted = formatError({ message: relayed.message, extensions: relayed.extensions }, relayed, silent);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', ...documented });
  });
});
