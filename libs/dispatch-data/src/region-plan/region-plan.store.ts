import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { withDeadlockRetry } from '@polyplus/persistence';
import { OnsiteVisit } from '../onsite-visit/onsite-visit.entity';
import { OnsiteVisitStatus } from '../onsite-visit/onsite-visit-status';
import { Technician } from '../technician/technician.entity';
import { TechnicianAbsence } from '../technician/technician-absence.entity';
import { RegionPlan } from './region-plan.entity';
import type { PlanCommit, RegionSnapshot } from './region-snapshot';
import type { VisitChange } from '@polyplus/events';
import { publishVisitChanges } from '../events/visit-changed';

/** What a committed placement means for subscribers: nothing when the visit kept its technician and window. */
function placementChange(previous: OnsiteVisit, next: { technicianId: string; windowStart: Date; windowEnd: Date }): VisitChange | null {
  if (previous.status !== OnsiteVisitStatus.PLANNED) return 'PLANNED';
  const same =
    previous.technicianId === next.technicianId &&
    previous.windowStart?.getTime() === next.windowStart.getTime() &&
    previous.windowEnd?.getTime() === next.windowEnd.getTime();
  return same ? null : 'MOVED';
}

export const OPEN_STATUSES = [OnsiteVisitStatus.UNPLANNED, OnsiteVisitStatus.PLANNED];

/** Reads and commits region plans; one transaction per commit, serialised per region by a row lock. */
export class RegionPlanStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Null until a run commits: the version-0 row is only the lock a first commit takes. */
  findPlan(region: string): Promise<RegionPlan | null> {
    return this.dataSource.getRepository(RegionPlan).findOneBy({ region, version: MoreThan(0) });
  }

  /** The plan version first, so a change landing while we read makes the run stale rather than half-seen. */
  async loadRegion(region: string): Promise<RegionSnapshot> {
    const version = (await this.findPlan(region))?.version ?? 0;
    const visits = await this.dataSource
      .getRepository(OnsiteVisit)
      .find({ where: { region, status: In(OPEN_STATUSES) }, order: { id: 'ASC' } });
    const technicians = await this.dataSource.getRepository(Technician).find({ where: { region }, order: { id: 'ASC' } });
    const absences = technicians.length
      ? await this.dataSource.getRepository(TechnicianAbsence).findBy({ technicianId: In(technicians.map((technician) => technician.id)) })
      : [];
    return { region, version, visits, technicians, absences };
  }

  /**
   * Writes a run's placements and bumps the version, unless another run or a manual change
   * committed since the run read the region: then nothing is written and null is returned.
   */
  async commitPlan(commit: PlanCommit): Promise<RegionPlan | null> {
    return this.withLockedPlan(commit.region, async (manager, plan) => {
      if (plan.version !== commit.baseVersion) return null;
      const version = plan.version + 1;
      const open = { region: commit.region, status: In(OPEN_STATUSES) };
      const before = new Map((await manager.find(OnsiteVisit, { where: open })).map((visit) => [visit.id, visit]));
      const changes: { visit: OnsiteVisit; change: VisitChange }[] = [];
      for (const placement of commit.placements) {
        const patch = {
          status: OnsiteVisitStatus.PLANNED,
          technicianId: placement.technicianId,
          routeSequence: placement.sequence,
          arrivalAt: placement.arrivalAt,
          windowStart: placement.startAt,
          windowEnd: placement.endAt,
          travelMinutes: placement.travelMinutes,
          unassignedReason: null,
          planVersion: version,
        };
        const previous = before.get(placement.visitId);
        if (!previous) continue; // cancelled since the run read the region
        await manager.update(OnsiteVisit, { id: placement.visitId, ...open }, patch);
        const change = placementChange(previous, patch);
        if (change) changes.push({ visit: { ...previous, ...patch }, change });
      }
      for (const { visitId, reason } of commit.unassigned) {
        const previous = before.get(visitId);
        if (!previous) continue;
        const patch = {
          status: OnsiteVisitStatus.UNPLANNED,
          technicianId: null,
          routeSequence: null,
          arrivalAt: null,
          windowStart: null,
          windowEnd: null,
          travelMinutes: null,
          unassignedReason: reason,
          planVersion: version,
        };
        await manager.update(OnsiteVisit, { id: visitId, ...open }, patch);
        if (previous.status === OnsiteVisitStatus.PLANNED) changes.push({ visit: { ...previous, ...patch }, change: 'UNASSIGNED' });
      }
      await publishVisitChanges(manager, changes, version, commit.plannedAt);
      return this.bump(manager, plan, commit.plannedAt);
    });
  }

  /**
   * Records a planning run over the region's open visits and returns the new plan version.
   * The region row is locked so two runs of one region commit one after the other.
   */
  commitRun(region: string, plannedAt: Date): Promise<RegionPlan> {
    return this.withLockedPlan(region, (manager, plan) => this.bump(manager, plan, plannedAt));
  }

  /**
   * A change of the region's inputs outside a run (a planner's move, an absence, a part's new ETA):
   * under the region's lock, and the version moves on so a run that read the region before it is stale.
   * `work` gets the version its change belongs to.
   */
  changeRegion<T>(region: string, work: (manager: EntityManager, version: number) => Promise<T>): Promise<T> {
    return this.withLockedPlan(region, async (manager, plan) => {
      const result = await work(manager, plan.version + 1);
      await this.bump(manager, plan, plan.plannedAt);
      return result;
    });
  }

  /** Runs work under the region's row lock; a manual change uses it too so runs begun before it turn stale. */
  async withLockedPlan<T>(region: string, work: (manager: EntityManager, plan: RegionPlan) => Promise<T>): Promise<T> {
    // Create the region's row outside the locking transaction: an insert there takes gap locks
    // that deadlock concurrent first runs of a new region.
    await this.dataSource.query('INSERT IGNORE INTO `region_plan` (`region`, `version`, `plannedAt`, `openVisits`) VALUES (?, 0, ?, 0)', [
      region,
      new Date(),
    ]);
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const plan = await manager.findOneOrFail(RegionPlan, { where: { region }, lock: { mode: 'pessimistic_write' } });
        return work(manager, plan);
      }),
    );
  }

  async bump(manager: EntityManager, plan: RegionPlan, plannedAt: Date): Promise<RegionPlan> {
    plan.version += 1;
    plan.plannedAt = plannedAt;
    plan.openVisits = await manager.countBy(OnsiteVisit, { region: plan.region, status: In(OPEN_STATUSES) });
    return manager.save(plan);
  }
}
