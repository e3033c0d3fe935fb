import { apiProblem, describeApiProblem, fieldLabel } from './api-error';

const graphQLError = (message: string, extensions: Record<string, unknown>) => ({
  graphQLErrors: [{ message, extensions }] as never,
  networkError: undefined,
  message: `[GraphQL] ${message}`,
});

describe('API refusals in words', () => {
  it('names the field of a BAD_USER_INPUT, from `field` or the first of `fields`', () => {
    const single = apiProblem(graphQLError('6 to 32 characters', { code: 'BAD_USER_INPUT', field: 'serialNumber' }));
    expect(describeApiProblem(single)).toBe('Please check the serial number: 6 to 32 characters');
    const many = apiProblem(
      graphQLError('Invalid input: summary: must not be blank', {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'summary', problems: ['must not be blank'] }],
      }),
    );
    expect(many.field).toBe('summary');
  });

  it('keeps the API’s reason for FORBIDDEN and NOT_FOUND', () => {
    expect(
      describeApiProblem(
        apiProblem(graphQLError('Contact k1 is not a designated contact of the device’s customer', { code: 'FORBIDDEN' })),
      ),
    ).toBe('Not allowed: Contact k1 is not a designated contact of the device’s customer');
    expect(describeApiProblem(apiProblem(graphQLError('Incident 42 not found', { code: 'NOT_FOUND' })))).toBe(
      'Not found: Incident 42 not found',
    );
  });

  it('passes on the rows a bulk registration refused', () => {
    const problem = apiProblem(
      graphQLError('2 row(s) cannot be registered', {
        code: 'BAD_USER_INPUT',
        field: 'devices',
        rows: [{ row: 3, serialNumber: 'X', field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER', message: 'bad' }, { nonsense: true }],
      }),
    );
    expect(problem.rows).toEqual([{ row: 3, serialNumber: 'X', field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER', message: 'bad' }]);
  });

  it('says when the service cannot be reached or the sign-in is refused', () => {
    expect(describeApiProblem(apiProblem({ graphQLErrors: [], networkError: new Error('Failed to fetch'), message: 'x' }))).toContain(
      'cannot be reached',
    );
    expect(apiProblem({ graphQLErrors: [], networkError: new Error('x'), message: 'x', response: { status: 401 } }).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(fieldLabel('input.productModel')).toBe('product model');
  });
});
