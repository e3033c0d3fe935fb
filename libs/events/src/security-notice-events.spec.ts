import { decodeSecurityNoticePublished } from './security-notice-events';

describe('security-notice.published payloads', () => {
  const payload = {
    noticeId: 'n1',
    customerId: 'c1',
    kind: 'PRIVACY',
    severity: 'HIGH',
    title: 'Support portal exposure',
    notifiedAt: '2026-03-04T10:00:00.000Z',
  };

  it('a well-formed payload decodes to the notice it announces, for the one customer it names', () => {
    expect(decodeSecurityNoticePublished(payload)).toEqual(payload);
  });

  it('a payload without a customer, with an unknown kind or severity, or not an object decodes to null', () => {
    expect(decodeSecurityNoticePublished({ ...payload, customerId: '' })).toBeNull();
    expect(decodeSecurityNoticePublished({ ...payload, kind: 'OUTAGE' })).toBeNull();
    expect(decodeSecurityNoticePublished({ ...payload, severity: 'SEVERE' })).toBeNull();
    expect(decodeSecurityNoticePublished('security-notice')).toBeNull();
  });
});
