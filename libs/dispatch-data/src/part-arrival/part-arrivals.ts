import type { EntityManager } from 'typeorm';
import { PartArrival } from './part-arrival.entity';

/**
 * Records what an event says about a part's arrival, if it is newer than what is known, and returns
 * the latest known arrival. The row stays locked until the caller's transaction ends, so the
 * arrival and the visits released by it change together.
 */
export async function recordPartArrival(
  manager: EntityManager,
  replacementOrderId: string,
  expectedAt: Date | null,
  asOf: Date,
): Promise<Date | null> {
  await manager.query(
    'INSERT INTO `part_arrival` (`replacementOrderId`, `expectedAt`, `asOf`) VALUES (?, ?, ?) ' +
      'ON DUPLICATE KEY UPDATE `expectedAt` = IF(VALUES(`asOf`) >= `asOf`, VALUES(`expectedAt`), `expectedAt`), `asOf` = GREATEST(`asOf`, VALUES(`asOf`))',
    [replacementOrderId, expectedAt, asOf],
  );
  const latest = await manager.findOne(PartArrival, { where: { replacementOrderId }, lock: { mode: 'pessimistic_write' } });
  return latest?.expectedAt ?? null;
}
