import { ACTOR_MAX_LENGTH, actorOf, anonymousPrincipal, canSeeCustomer, isAnonymous, isCustomerScoped } from './principal';

describe('actorOf', () => {
  it('writes a verified principal as <ROLE>:<subject>', () => {
    expect(actorOf({ role: 'SUPPORT_ENGINEER', subject: 'jane' })).toBe('SUPPORT_ENGINEER:jane');
    expect(actorOf({ role: 'SERVICE', subject: 'service:logistics' })).toBe('SERVICE:service:logistics');
  });

  it('a subject too long for the audit columns keeps its start and a digest: bounded, stable, distinct', () => {
    const long = (tail: string) => ({ role: 'PARTNER' as const, subject: `${'p'.repeat(120)}${tail}` });
    const a = actorOf(long('a'));
    expect(a.length).toBe(ACTOR_MAX_LENGTH);
    expect(a.startsWith('PARTNER:ppp')).toBe(true);
    expect(actorOf(long('a'))).toBe(a);
    expect(actorOf(long('b'))).not.toBe(a);
  });
});

describe('the anonymous caller', () => {
  it('a request without credentials is the PUBLIC principal: subject anonymous, no customers', () => {
    expect(anonymousPrincipal()).toEqual({ subject: 'anonymous', role: 'PUBLIC', customerIds: [] });
    expect(isAnonymous(anonymousPrincipal())).toBe(true);
    expect(isAnonymous({ role: 'CUSTOMER_ADMIN' })).toBe(false);
  });

  it('an anonymous caller sees no customer’s data (scoped to none, unlike vendor staff)', () => {
    expect(isCustomerScoped(anonymousPrincipal())).toBe(true);
    expect(canSeeCustomer(anonymousPrincipal(), 'c1')).toBe(false);
  });
});
