import { In, type DataSource } from 'typeorm';
import { withDeadlockRetry } from '@polyplus/persistence';
import { OnsiteVisit } from '../onsite-visit/onsite-visit.entity';
import { OnsiteVisitStatus } from '../onsite-visit/onsite-visit-status';
import { RegionPlan } from './region-plan.entity';

const OPEN_STATUSES = [OnsiteVisitStatus.UNPLANNED, OnsiteVisitStatus.PLANNED];

/** Reads and commits region plans; one transaction per commit, serialised per region by a row lock. */
export class RegionPlanStore {
  constructor(private readonly dataSource: DataSource) {}

  findPlan(region: string): Promise<RegionPlan | null> {
    return this.dataSource.getRepository(RegionPlan).findOneBy({ region });
  }

  /**
   * Records a planning run over the region's open visits and returns the new plan version.
   * The region row is locked so two runs of one region commit one after the other.
   */
  async commitRun(region: string, plannedAt: Date): Promise<RegionPlan> {
    // Create the region's row outside the locking transaction: an insert there takes gap locks
    // that deadlock concurrent first runs of a new region.
    await this.dataSource.query('INSERT IGNORE INTO `region_plan` (`region`, `version`, `plannedAt`, `openVisits`) VALUES (?, 0, ?, 0)', [region, plannedAt]);
    return withDeadlockRetry(() => this.dataSource.transaction(async (manager) => {
      const plan = await manager.findOneOrFail(RegionPlan, { where: { region }, lock: { mode: 'pessimistic_write' } });
      const openVisits = await manager.countBy(OnsiteVisit, { region, status: In(OPEN_STATUSES) });
      plan.version += 1;
      plan.plannedAt = plannedAt;
      plan.openVisits = openVisits;
      return manager.save(plan);
    }));
  }
}
