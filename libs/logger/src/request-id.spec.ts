import { acceptRequestId, requestLogContext } from './request-id';
import { traceIdFromTraceparent } from './trace-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it("keeps a caller's well-formed x-request-id", () => {
    expect(acceptRequestId('web-7f3a:2024.01_x')).toBe('web-7f3a:2024.01_x');
    expect(acceptRequestId('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('replaces a missing, empty, too long or unsafe x-request-id with a new UUID', () => {
    for (const header of [undefined, '', 'a'.repeat(129), 'has space', 'line\nbreak', '"quoted"', '<script>', 'ünïcode']) {
      expect(acceptRequestId(header)).toMatch(UUID);
    }
  });

  it('makes a different id for each request without one', () => {
    expect(acceptRequestId(undefined)).not.toBe(acceptRequestId(undefined));
  });

  it('takes the trace id of a valid traceparent into the request context', () => {
    expect(requestLogContext({ 'x-request-id': 'req-1', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' })).toEqual({
      requestId: 'req-1',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
  });
});

describe('traceIdFromTraceparent', () => {
  it('reads a future version with extra fields', () => {
    expect(traceIdFromTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  it('ignores malformed headers, all-zero ids, version ff and extra fields on version 00', () => {
    for (const header of [
      undefined,
      'garbage',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    ]) {
      expect(traceIdFromTraceparent(header)).toBeUndefined();
    }
  });
});
