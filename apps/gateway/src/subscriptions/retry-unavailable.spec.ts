import type { Principal } from '@polyplus/auth';
import type { DeliveryPlan } from './delivery-plan';
import type { EntityReadResult } from './delivery-result';
import { retryUnavailable } from './retry-unavailable';

const plan = {} as DeliveryPlan;
const principal = { role: 'SUPPORT_ENGINEER', subject: 'jane', customerIds: [] } as unknown as Principal;
const unavailable: EntityReadResult = {
  errors: [{ message: 'A service is temporarily unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
};

describe('delivery reads while a subgraph replica is replaced', () => {
  it('a read that found a subgraph unavailable is tried again and delivers what the next replica answers', async () => {
    const answers: EntityReadResult[] = [unavailable, unavailable, { data: { incident: { id: 'i1' } } }];
    let calls = 0;
    const read = retryUnavailable(async () => answers[calls++], [1, 1, 1]);
    expect(await read(plan, 'i1', principal)).toEqual({ data: { incident: { id: 'i1' } } });
    expect(calls).toBe(3);
  });

  it('gives up after the last retry, and never repeats a read refused for another reason', async () => {
    let calls = 0;
    const down = retryUnavailable(async () => {
      calls++;
      return unavailable;
    }, [1, 1]);
    expect(await down(plan, 'i1', principal)).toBe(unavailable);
    expect(calls).toBe(3);
    calls = 0;
    const forbidden: EntityReadResult = { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] };
    const refused = retryUnavailable(async () => {
      calls++;
      return forbidden;
    }, [1, 1]);
    expect(await refused(plan, 'i1', principal)).toBe(forbidden);
    expect(calls).toBe(1);
  });
});
