import { ContactChannel } from '../incident/contact-channel';
import { contactTimeOf, contactTimePolicyFromEnv, DEFAULT_CONTACT_TIME_POLICY } from './contact-time';

const now = new Date('2026-03-02T17:20:00Z');
const refusedField = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('the customer’s contact time', () => {
  it('staff log a phone, chat, video or e-mail contact with the time the customer reached them', () => {
    for (const channel of [ContactChannel.PHONE, ContactChannel.CHAT, ContactChannel.VIDEO, ContactChannel.EMAIL]) {
      expect(contactTimeOf({ channel, contactedAt: new Date('2026-03-02T17:00:00Z'), byCustomer: false, now })).toEqual(
        new Date('2026-03-02T17:00:00Z'),
      );
    }
  });

  it('without a contact time the case starts when it is logged', () => {
    expect(contactTimeOf({ channel: ContactChannel.PHONE, byCustomer: false, now })).toEqual(now);
    expect(contactTimeOf({ channel: ContactChannel.WEB, contactedAt: null, byCustomer: true, now })).toEqual(now);
  });

  it('a contact in the future beyond 5 minutes of skew, or more than 24 hours ago, is BAD_USER_INPUT naming contactedAt', () => {
    const check = (contactedAt: string) =>
      refusedField(() => contactTimeOf({ channel: ContactChannel.PHONE, contactedAt: new Date(contactedAt), byCustomer: false, now }));
    expect(check('2026-03-02T17:25:01Z')).toEqual({ code: 'BAD_USER_INPUT', field: 'contactedAt' });
    expect(check('2026-02-23T17:20:00Z')).toEqual({ code: 'BAD_USER_INPUT', field: 'contactedAt' });
    expect(check('2026-03-01T17:19:59Z')).toEqual({ code: 'BAD_USER_INPUT', field: 'contactedAt' });
    expect(check('2026-03-01T17:20:00Z')).toBeUndefined();
    expect(contactTimeOf({ channel: ContactChannel.PHONE, contactedAt: new Date('2026-03-02T17:25:00Z'), byCustomer: false, now })).toEqual(
      now,
    );
  });

  it('a web case, or a case a customer opens, cannot be back-dated', () => {
    const contactedAt = new Date('2026-03-02T17:00:00Z');
    expect(refusedField(() => contactTimeOf({ channel: ContactChannel.WEB, contactedAt, byCustomer: false, now }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'contactedAt',
    });
    expect(refusedField(() => contactTimeOf({ channel: ContactChannel.PHONE, contactedAt, byCustomer: true, now }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'contactedAt',
    });
  });

  it('the bound in the past is configuration: INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES; a bad value stops the service at start-up', () => {
    expect(contactTimePolicyFromEnv({})).toBe(DEFAULT_CONTACT_TIME_POLICY);
    const policy = contactTimePolicyFromEnv({ INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES: '60' });
    expect(
      refusedField(() =>
        contactTimeOf({ channel: ContactChannel.CHAT, contactedAt: new Date('2026-03-02T16:19:00Z'), byCustomer: false, now, policy }),
      ),
    ).toMatchObject({ field: 'contactedAt' });
    expect(() => contactTimePolicyFromEnv({ INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES: '0' })).toThrow(
      'INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES',
    );
  });
});
