import { planAdvanceReplacement } from './advance-replacement';
import { AMSTERDAM_DEPOT, LONDON, MEMPHIS_DEPOT, NEW_YORK, TORONTO, ZURICH, local, wall } from './test-calendars';

const CHICAGO = 'America/Chicago';

describe('advance replacement shipping and delivery', () => {
  it('an order received before the 15:00 cut-off on a depot business day ships the same day and arrives the next business day', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T14:59', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: NEW_YORK,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-11', deliveryDate: '2024-06-12' });
  });

  it('an order received at or after the cut-off ships the next depot business day', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T15:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: NEW_YORK,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-12', deliveryDate: '2024-06-13' });
  });

  it('an order received early in the morning, before opening, still ships that day', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T06:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: NEW_YORK,
    });
    expect(plan.shipDate).toBe('2024-06-11');
  });

  it('an order received at the weekend ships on Monday and arrives on Tuesday', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-08T10:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: NEW_YORK,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-10', deliveryDate: '2024-06-11' });
  });

  it('an order shipped on Friday arrives on Monday', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-14T10:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: NEW_YORK,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-14', deliveryDate: '2024-06-17' });
  });

  it('honours a configured depot cut-off', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T15:30', CHICAGO),
      depot: MEMPHIS_DEPOT,
      depotCutoff: '16:00',
      destination: NEW_YORK,
    });
    expect(plan.shipDate).toBe('2024-06-11');
  });

  it('a holiday at the depot but not at the destination delays shipping, not delivery days', () => {
    // 4 July is a US holiday, a normal day in Ontario: the order after Wednesday's cut-off ships Friday.
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-07-03T16:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: TORONTO,
    });
    expect(plan).toMatchObject({ shipDate: '2024-07-05', deliveryDate: '2024-07-08' });
  });

  it('a holiday at the destination but not at the depot moves delivery to the next destination business day', () => {
    // Shipped Friday 28 June from the US; Monday 1 July is Canada Day.
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-28T10:00', CHICAGO),
      depot: MEMPHIS_DEPOT,
      destination: TORONTO,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-28', deliveryDate: '2024-07-02' });
  });

  it('applies the cut-off in depot local time when the depot is in another time zone than the customer', () => {
    // 14:30 in London is 15:30 in Amsterdam: too late for the Amsterdam depot's 15:00 cut-off.
    const late = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T14:30', 'Europe/London'),
      depot: AMSTERDAM_DEPOT,
      destination: LONDON,
    });
    const early = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T13:30', 'Europe/London'),
      depot: AMSTERDAM_DEPOT,
      destination: LONDON,
    });
    expect(late).toMatchObject({ shipDate: '2024-06-12', deliveryDate: '2024-06-13' });
    expect(early).toMatchObject({ shipDate: '2024-06-11', deliveryDate: '2024-06-12' });
  });

  it('the expected delivery instant is the start of business at the destination, in its time zone', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T10:00', 'Europe/Amsterdam'),
      depot: AMSTERDAM_DEPOT,
      destination: LONDON,
    });
    expect(wall(plan.expectedDeliveryAt, 'Europe/London')).toBe('2024-06-12 08:00');
    expect(plan.expectedDeliveryAt.toISOString()).toBe('2024-06-12T07:00:00.000Z');
  });

  it('the expected delivery instant is the carrier time when one is given', () => {
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-11T10:00', 'Europe/Amsterdam'),
      depot: AMSTERDAM_DEPOT,
      destination: LONDON,
      carrierDeliveryTime: '10:30',
    });
    expect(wall(plan.expectedDeliveryAt, 'Europe/London')).toBe('2024-06-12 10:30');
  });

  it('a customs delay adds destination business days after the next-business-day delivery', () => {
    // Shipped Thursday 13 June; next business day Friday, plus 2 customs days → Tuesday 18 June.
    const plan = planAdvanceReplacement({
      orderReceivedAt: local('2024-06-13T09:00', 'Europe/Amsterdam'),
      depot: AMSTERDAM_DEPOT,
      destination: ZURICH,
      customsDelayBusinessDays: 2,
    });
    expect(plan).toMatchObject({ shipDate: '2024-06-13', deliveryDate: '2024-06-18' });
  });

  it('rejects a negative customs delay with NEGATIVE_DURATION', () => {
    const call = () =>
      planAdvanceReplacement({ orderReceivedAt: new Date(), depot: AMSTERDAM_DEPOT, destination: ZURICH, customsDelayBusinessDays: -1 });
    expect(call).toThrow(expect.objectContaining({ code: 'NEGATIVE_DURATION' }));
  });

  it('rejects a malformed cut-off or carrier time with INVALID_TIME', () => {
    const base = { orderReceivedAt: new Date('2024-06-11T10:00:00Z'), depot: AMSTERDAM_DEPOT, destination: ZURICH };
    expect(() => planAdvanceReplacement({ ...base, depotCutoff: '3pm' })).toThrow(expect.objectContaining({ code: 'INVALID_TIME' }));
    expect(() => planAdvanceReplacement({ ...base, carrierDeliveryTime: '25:00' })).toThrow(
      expect.objectContaining({ code: 'INVALID_TIME' }),
    );
  });

  it('rejects an invalid order instant with INVALID_DATE', () => {
    expect(() => planAdvanceReplacement({ orderReceivedAt: new Date('x'), depot: AMSTERDAM_DEPOT, destination: ZURICH })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
