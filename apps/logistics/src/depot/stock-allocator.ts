import type { EntityManager } from 'typeorm';
import { Depot } from './depot.entity';

/** The depots serving a destination country, in the priority order an order tries them. */
export function depotsServing(manager: EntityManager, countryCode: string): Promise<Depot[]> {
  return manager
    .createQueryBuilder(Depot, 'depot')
    .innerJoin('depot_coverage', 'coverage', 'coverage.depotId = depot.id')
    .where('coverage.countryCode = :countryCode', { countryCode })
    .orderBy('coverage.priority', 'ASC')
    .getMany();
}

/**
 * Reserves stock at the first depot serving the country that has it, in priority order. The
 * decrement is one conditional UPDATE, so two orders for the last unit cannot both get it.
 */
export async function reserveStock(manager: EntityManager, countryCode: string, partId: string, quantity: number): Promise<Depot | null> {
  for (const depot of await depotsServing(manager, countryCode)) {
    const result = await manager.query(
      'UPDATE `depot_stock` SET `quantity` = `quantity` - ? WHERE `depotId` = ? AND `partId` = ? AND `quantity` >= ?',
      [quantity, depot.id, partId, quantity],
    );
    if ((result as { affectedRows: number }).affectedRows === 1) return depot;
  }
  return null;
}
