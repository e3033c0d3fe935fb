import { authenticationVerdicts, failsAuthentication } from './inbound/authentication-results';
import { readBounceReport } from './inbound/bounce-report';
import { bodyLines, csvLines, siteNamed } from './inbound/serial-list-source';
import { digestDueAt } from './delivery/recipient-plan';
import { visitNoticeKind } from './events/visit-change-rule';
import { html } from './render/html';
import { formatInstant } from './render/mail-time';
import { bounceAddress, deliveryOfBounceAddress, signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe/mail-link-token';
import { NotificationCategory } from './notice/notification-category';

const SECRET = 'unit-test-secret-of-at-least-thirty-two-chars';
const CONTACT = '0b5b7a16-f616-4cfc-b31f-fbebe38b5555';
const CUSTOMER = '8273f83f-ec98-4a69-9c1b-a2ba8502a15d';

describe('templates', () => {
  it('every value put into a mail’s HTML is escaped', () => {
    expect(html`<p>${'<script>alert("x")</script> & Co'}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</p>',
    );
  });

  it('times are the recipient’s wall clock, 24-hour, with the zone', () => {
    expect(formatInstant('2026-07-01T18:30:00.000Z', { timeZone: 'America/Los_Angeles', locale: 'en-GB' })).toBe(
      'Wed 1 Jul 2026, 11:30 GMT-7',
    );
    expect(formatInstant('2026-07-01T18:30:00.000Z', { timeZone: 'Asia/Kolkata', locale: 'en-GB' })).toBe('Thu 2 Jul 2026, 00:00 GMT+5:30');
  });
});

describe('daily digest', () => {
  it('an update is due at the digest hour of the morning after its local day', () => {
    // 23:30 in Berlin on 3 March is still the 3rd there: due 08:00 Berlin on the 4th.
    expect(digestDueAt(new Date('2026-03-03T22:30:00Z'), 'Europe/Berlin', 8, new Date('2026-03-03T22:31:00Z')).toISOString()).toBe(
      '2026-03-04T07:00:00.000Z',
    );
    // Across the spring change of clocks, 08:00 local stays 08:00 local.
    expect(digestDueAt(new Date('2026-03-28T12:00:00Z'), 'Europe/Berlin', 8, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('an update that arrives after its digest was due goes out with the next sweep', () => {
    const now = new Date('2026-03-05T10:00:00Z');
    expect(digestDueAt(new Date('2026-03-03T10:00:00Z'), 'Europe/Berlin', 8, now)).toEqual(now);
  });
});

describe('visit changes worth a mail', () => {
  const at = (iso: string) => ({ windowStart: iso, windowEnd: null });
  it('a first planned window is "scheduled"; a move of 30 minutes or more is "moved"; a smaller re-plan is no news', () => {
    expect(
      visitNoticeKind({ ...at('2026-03-04T09:00:00Z'), status: 'PLANNED', change: 'PLANNED' }, { windowStart: null, status: 'UNPLANNED' }),
    ).toBe('VISIT_SCHEDULED');
    expect(
      visitNoticeKind(
        { ...at('2026-03-04T09:20:00Z'), status: 'PLANNED', change: 'PLANNED' },
        { windowStart: new Date('2026-03-04T09:00:00Z'), status: 'PLANNED' },
      ),
    ).toBeNull();
    expect(
      visitNoticeKind(
        { ...at('2026-03-04T13:00:00Z'), status: 'PLANNED', change: 'MOVED' },
        { windowStart: new Date('2026-03-04T09:00:00Z'), status: 'PLANNED' },
      ),
    ).toBe('VISIT_MOVED');
  });

  it('a cancellation is news only for a visit the customer was told about', () => {
    expect(
      visitNoticeKind(
        { windowStart: null, windowEnd: null, status: 'CANCELLED', change: 'CANCELLED' },
        { windowStart: new Date('2026-03-04T09:00:00Z'), status: 'PLANNED' },
      ),
    ).toBe('VISIT_CANCELLED');
    expect(
      visitNoticeKind(
        { windowStart: null, windowEnd: null, status: 'CANCELLED', change: 'CANCELLED' },
        { windowStart: null, status: 'UNPLANNED' },
      ),
    ).toBeNull();
  });
});

describe('links and bounce addresses', () => {
  it('an unsubscribe token names its contact and category, and any change to it is refused', () => {
    const token = signUnsubscribeToken({ contactId: CONTACT, customerId: CUSTOMER, scope: NotificationCategory.CASE_UPDATES }, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toEqual({ contactId: CONTACT, customerId: CUSTOMER, scope: 'CASE_UPDATES' });
    const widened = `${Buffer.from(`${CONTACT}:${CUSTOMER}:ALL`).toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyUnsubscribeToken(widened, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(token, `${SECRET}-other`)).toBeNull();
    expect(verifyUnsubscribeToken('garbage', SECRET)).toBeNull();
  });

  it('a bounce address leads back to its delivery only when its MAC is ours', () => {
    const address = bounceAddress(CONTACT, 'polyplus.test', SECRET);
    expect(address.split('@')[0].length).toBeLessThanOrEqual(64);
    expect(deliveryOfBounceAddress(address, 'polyplus.test', SECRET)).toBe(CONTACT);
    expect(deliveryOfBounceAddress(address.replace(/-([0-9a-f])/, '-0'), 'polyplus.test', SECRET)).toBeNull();
    expect(deliveryOfBounceAddress(address, 'elsewhere.test', SECRET)).toBeNull();
  });
});

describe('serial lists in mail', () => {
  it('a body keeps its line numbers; greetings, quotes, Site lines and the signature are not rows', () => {
    const body =
      'Hi team,\nSite: London HQ\nABC-123456, Studio X50\n> XYZ-999999,Studio X50\nABC123\nRegards, Dana\n-- \nDana, +44 20 7946 0000, ext 12';
    expect(bodyLines(body)).toEqual(['', '', 'ABC-123456, Studio X50', '', 'ABC123']);
    expect(siteNamed(body)).toBe('London HQ');
  });

  it('a CSV file with quotes and a byte-order mark becomes one line per record; a broken one names its line', () => {
    expect(csvLines(Buffer.from('\uFEFFSerial,Model\n"ABC-123456","Studio X50, rev B"\n\n'))).toEqual([
      'Serial\tModel',
      'ABC-123456\tStudio X50, rev B',
    ]);
    expect(csvLines(Buffer.from('ABC-123456,Studio X50\n"DEF-123456,Studio X50\n'))).toEqual({ error: expect.stringMatching(/line 2/i) });
  });
});

describe('authentication results', () => {
  const header =
    'mx.polyplus.test; spf=pass smtp.mailfrom=initrode.example; dkim=pass header.d=initrode.example; dmarc=pass header.from=initrode.example';

  it('only our MTA’s stamp counts: a header the sender wrote itself is ignored', () => {
    const forged = 'mx.evil.example; spf=pass; dkim=pass; dmarc=pass';
    expect(authenticationVerdicts([forged, header], 'mx.polyplus.test')).toEqual({ spf: 'pass', dkim: 'pass', dmarc: 'pass' });
    expect(authenticationVerdicts([forged], 'mx.polyplus.test')).toEqual({ spf: 'none', dkim: 'none', dmarc: 'none' });
  });

  it('a DMARC failure, or an SPF failure with no passing DKIM signature, is refused', () => {
    expect(failsAuthentication({ spf: 'pass', dkim: 'pass', dmarc: 'fail' })).toBe(true);
    expect(failsAuthentication({ spf: 'fail', dkim: 'none', dmarc: 'none' })).toBe(true);
    expect(failsAuthentication({ spf: 'fail', dkim: 'pass', dmarc: 'none' })).toBe(false);
    expect(failsAuthentication({ spf: 'none', dkim: 'none', dmarc: 'none' })).toBe(false);
  });

  it('a delivery status report with a 5.x.x failure is a hard bounce; a delay is not', () => {
    expect(
      readBounceReport(
        'Final-Recipient: rfc822; gone@initrode.example\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown',
      ),
    ).toEqual({
      permanent: true,
      status: '5.1.1',
      diagnostic: 'smtp; 550 5.1.1 User unknown',
    });
    expect(readBounceReport('Action: delayed\nStatus: 4.4.1')?.permanent).toBe(false);
  });
});
