import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { isDuplicateEntry, withDeadlockRetry } from '@polyplus/persistence';
import {
  OnsiteVisit,
  OnsiteVisitStatus,
  OPEN_STATUSES,
  PartArrival,
  publishVisitChanges,
  recordPartArrival,
  RegionPlanStore,
} from '@polyplus/dispatch-data';
import type { VisitChange } from '@polyplus/events';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import type { CaseDirectory } from './case-directory';
import type { RegionDirectory } from './region-directory';
import { productProfile } from './product-profile';

export type IntakeOutcome = 'CREATED' | 'ALREADY_EXISTS' | 'NO_ONSITE_OPTION' | 'UNKNOWN_CASE' | 'NO_SITE';

/**
 * Turns other services' events into visits: a replacement order on an onsite contract creates one
 * (at most one per order: a UNIQUE key on the order id), a new part ETA moves its release time, a
 * closed case cancels its open visits. Every change publishes `visit.changed` in its transaction.
 * Replicas share the events and may apply one order's events in another order than they were
 * published: a visit is always released at the newest arrival heard of (`part_arrival`).
 */
export class VisitIntakeService {
  private readonly plans: RegionPlanStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseDirectory,
    private readonly regions: RegionDirectory,
    private readonly optimisation: OptimisationTrigger,
  ) {
    this.plans = new RegionPlanStore(dataSource);
  }

  async replacementOrdered(
    order: { orderId: string; incidentId: string; expectedDeliveryAt: string | null },
    at: Date,
  ): Promise<IntakeOutcome> {
    const visits = this.dataSource.getRepository(OnsiteVisit);
    if (await visits.existsBy({ replacementOrderId: order.orderId })) return 'ALREADY_EXISTS';
    const facts = await this.cases.lookUp(order.incidentId, at);
    if (!facts) return 'UNKNOWN_CASE';
    if (!facts.onsite) return 'NO_ONSITE_OPTION';
    if (!facts.site) return 'NO_SITE';
    const profile = productProfile(facts.productType);
    const visit = visits.create({
      id: randomUUID(),
      incidentId: facts.incidentId,
      siteId: facts.siteId,
      customerId: facts.customerId,
      replacementOrderId: order.orderId,
      region: await this.regions.regionFor(facts.site),
      status: OnsiteVisitStatus.UNPLANNED,
      technicianId: null,
      windowStart: null,
      windowEnd: null,
      latitude: facts.site.latitude,
      longitude: facts.site.longitude,
      siteTimeZone: facts.site.timeZone,
      siteCountryCode: facts.site.countryCode,
      siteSubdivision: facts.site.subdivision,
      releaseAt: order.expectedDeliveryAt ? new Date(order.expectedDeliveryAt) : null,
      durationMinutes: profile.durationMinutes,
      requiredSkills: profile.requiredSkills,
      severity: facts.severity,
    });
    try {
      // Concurrent deliveries of one order's event may deadlock on its arrival row: the retry finds the visit.
      await withDeadlockRetry(() =>
        this.dataSource.transaction(async (manager) => {
          // This event's arrival, unless a newer one was applied before it (by another replica).
          visit.releaseAt = await recordPartArrival(
            manager,
            order.orderId,
            order.expectedDeliveryAt ? new Date(order.expectedDeliveryAt) : null,
            at,
          );
          await manager.insert(OnsiteVisit, visit);
          await publishVisitChanges(manager, [{ visit, change: 'CREATED' }], null);
        }),
      );
    } catch (error) {
      // A redelivered event racing the first: the UNIQUE order id keeps one visit.
      if (isDuplicateEntry(error)) return 'ALREADY_EXISTS';
      throw error;
    }
    await this.optimisation.requestQuietly(visit.region, `visit ${visit.id} for replacement order ${order.orderId}`);
    return 'CREATED';
  }

  /**
   * The part's arrival moved (carrier exception, new ETA, delivered early): the visit may not start
   * before it. A pin before the new arrival is released, since it can no longer be kept.
   */
  async releaseMoved(orderId: string, releaseAt: Date | null, asOf: Date = new Date()): Promise<number> {
    // Kept even when no visit exists yet: the order's own event may still be on its way to another replica.
    await withDeadlockRetry(() => this.dataSource.transaction((manager) => recordPartArrival(manager, orderId, releaseAt, asOf)));
    const open = await this.dataSource.getRepository(OnsiteVisit).findBy({ replacementOrderId: orderId, status: In(OPEN_STATUSES) });
    for (const region of new Set(open.map((visit) => visit.region))) {
      await this.plans.changeRegion(region, async (manager, version) => {
        // The newest arrival heard of, which an older event applied after a newer one does not undo.
        const latest = await manager.findOne(PartArrival, { where: { replacementOrderId: orderId }, lock: { mode: 'pessimistic_write' } });
        const newest = latest ? latest.expectedAt : releaseAt;
        const visits = await manager.find(OnsiteVisit, {
          where: { replacementOrderId: orderId, region, status: In(OPEN_STATUSES) },
          lock: { mode: 'pessimistic_write' },
        });
        const changes: { visit: OnsiteVisit; change: VisitChange }[] = [];
        for (const visit of visits) {
          const unpin = visit.pinned && newest !== null && visit.windowStart !== null && visit.windowStart < newest;
          await manager.update(OnsiteVisit, { id: visit.id }, { releaseAt: newest, ...(unpin ? { pinned: false } : {}) });
          if (unpin) changes.push({ visit, change: 'UNPINNED' });
        }
        await publishVisitChanges(manager, changes, version);
      });
      await this.optimisation.requestQuietly(region, `part ETA of order ${orderId} changed`);
    }
    return open.length;
  }

  /** The case was resolved or closed: its open visits are cancelled and their slots freed. */
  async cancelForIncident(incidentId: string): Promise<number> {
    const cancelled = await this.dataSource.transaction(async (manager) => {
      const visits = await manager.find(OnsiteVisit, {
        where: { incidentId, status: In(OPEN_STATUSES) },
        lock: { mode: 'pessimistic_write' },
      });
      if (visits.length === 0) return [];
      await manager.update(
        OnsiteVisit,
        { id: In(visits.map((visit) => visit.id)) },
        { status: OnsiteVisitStatus.CANCELLED, pinned: false },
      );
      await publishVisitChanges(
        manager,
        visits.map((visit) => ({ visit: { ...visit, status: OnsiteVisitStatus.CANCELLED }, change: 'CANCELLED' as const })),
        null,
      );
      return visits;
    });
    for (const region of new Set(cancelled.map((visit) => visit.region))) {
      await this.optimisation.requestQuietly(region, `case ${incidentId} closed`);
    }
    return cancelled.length;
  }
}
