import { DateTime } from 'luxon';
import { Between, In, IsNull, LessThan, MoreThan, Not, type DataSource } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import {
  OnsiteVisit,
  OnsiteVisitStatus,
  OPEN_STATUSES,
  publishVisitChanges,
  RegionPlanStore,
  Technician,
  TechnicianAbsence,
} from '@polyplus/dispatch-data';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import type { RegionBoard, ScheduleStop, TechnicianSchedule } from './dto/schedule.types';
import type { VisitPlacementExplanation } from './dto/visit-placement.type';
import { checkMove } from './move-check';
import { explainPlacement } from './explain-placement';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Read side of the plan for planners, and the manual pin/unpin of a visit. */
export class PlannerService {
  private readonly plans: RegionPlanStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly optimisation: OptimisationTrigger,
  ) {
    this.plans = new RegionPlanStore(dataSource);
  }

  async technicianSchedule(technicianId: string, from: Date, to: Date): Promise<TechnicianSchedule> {
    const technician = await this.dataSource.getRepository(Technician).findOneBy({ id: technicianId });
    if (!technician) throw notFound('Technician', technicianId);
    return { technician, stops: await this.stops([technicianId], from, to) };
  }

  /** `date` is a day (yyyy-mm-dd) in the region's time zone: a planner's day, not a UTC one. */
  async regionBoard(region: string, date: string): Promise<RegionBoard> {
    const technicians = await this.dataSource.getRepository(Technician).find({ where: { region }, order: { name: 'ASC' } });
    const timeZone = await this.regionTimeZone(region, technicians);
    const day = DateTime.fromISO(date, { zone: timeZone });
    if (!DATE_PATTERN.test(date) || !day.isValid) throw badUserInput('date must be a day, yyyy-mm-dd', 'date');
    const from = day.startOf('day').toJSDate();
    const to = day.startOf('day').plus({ days: 1 }).toJSDate();
    const stops = await this.stops(
      technicians.map((technician) => technician.id),
      from,
      to,
    );
    return {
      region,
      timeZone,
      planVersion: (await this.plans.findPlan(region))?.version ?? 0,
      schedules: technicians.map((technician) => ({
        technician,
        stops: stops.filter((stop) => stop.visit.technicianId === technician.id),
      })),
      unassigned: await this.unassignedVisits(region),
    };
  }

  /** The zone the region's technicians work in (the first by name), else its sites', else UTC. */
  async regionTimeZone(region: string, technicians?: Technician[]): Promise<string> {
    const [technician] =
      technicians ?? (await this.dataSource.getRepository(Technician).find({ where: { region }, order: { name: 'ASC' }, take: 1 }));
    if (technician) return technician.timeZone;
    const visit = await this.dataSource
      .getRepository(OnsiteVisit)
      .findOne({ where: { region, siteTimeZone: Not(IsNull()) }, order: { requestedAt: 'DESC' } });
    return visit?.siteTimeZone ?? 'UTC';
  }

  /**
   * A planner puts a visit on a technician at a start: checked against the hard constraints under
   * the region's lock (so two planners cannot book one slot), then pinned there and re-planned around.
   */
  async move(visitId: string, technicianId: string, start: Date): Promise<OnsiteVisit> {
    const region = (await this.openVisit(visitId)).region;
    const moved = await this.plans.changeRegion(region, async (manager, version) => {
      const visit = await manager.findOne(OnsiteVisit, {
        where: { id: visitId, status: In(OPEN_STATUSES) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!visit) throw notFound('OnsiteVisit', visitId);
      const technician = await manager.findOneBy(Technician, { id: technicianId });
      if (!technician) throw notFound('Technician', technicianId);
      if (technician.region !== visit.region) throw conflict(`${technician.name} serves region ${technician.region}, not ${visit.region}`);
      const around = { from: new Date(start.getTime() - DAY_MS), to: new Date(start.getTime() + 2 * DAY_MS) };
      const check = checkMove({
        visit,
        technician,
        start,
        absences: await manager.findBy(TechnicianAbsence, { technicianId, startsAt: LessThan(around.to), endsAt: MoreThan(around.from) }),
        otherStops: await manager.find(OnsiteVisit, {
          where: { technicianId, id: Not(visitId), status: OnsiteVisitStatus.PLANNED, windowStart: Between(around.from, around.to) },
        }),
      });
      if (!check.feasible) throw conflict(check.reason);
      const patch = {
        status: OnsiteVisitStatus.PLANNED,
        technicianId,
        windowStart: start,
        windowEnd: new Date(start.getTime() + visit.durationMinutes * 60_000),
        arrivalAt: check.arrivalAt,
        travelMinutes: check.travelMinutes,
        unassignedReason: null,
        pinned: true,
        planVersion: version,
      };
      await manager.update(OnsiteVisit, { id: visitId }, patch);
      const updated = Object.assign(visit, patch);
      await publishVisitChanges(manager, [{ visit: updated, change: 'MOVED' }], version);
      return updated;
    });
    await this.optimisation.requestQuietly(region, `visit ${visitId} moved by a planner`);
    return moved;
  }

  /** Null while the visit has no slot. */
  async placement(visit: OnsiteVisit): Promise<VisitPlacementExplanation | null> {
    if (visit.status !== OnsiteVisitStatus.PLANNED || !visit.technicianId || !visit.windowStart || !visit.windowEnd) return null;
    const technicians = this.dataSource.getRepository(Technician);
    const technician = await technicians.findOneBy({ id: visit.technicianId });
    if (!technician) return null;
    const previous = await this.dataSource.getRepository(OnsiteVisit).findOne({
      where: {
        technicianId: technician.id,
        status: OnsiteVisitStatus.PLANNED,
        id: Not(visit.id),
        windowEnd: Between(new Date(visit.windowStart.getTime() - DAY_MS / 2), visit.windowStart),
      },
      order: { windowEnd: 'DESC' },
    });
    const regional = await technicians.find({ where: { region: visit.region }, select: { id: true, skills: true } });
    const skilledTechnicians = regional.filter((candidate) =>
      visit.requiredSkills.every((skill) => candidate.skills.includes(skill)),
    ).length;
    // A stop that ended on another working day is no previous stop.
    const sameDay = previous?.windowEnd && visit.windowStart.getTime() - previous.windowEnd.getTime() < 12 * 3_600_000 ? previous : null;
    const absences = await this.dataSource.getRepository(TechnicianAbsence).findBy({
      technicianId: technician.id,
      startsAt: LessThan(new Date(visit.windowEnd.getTime() + DAY_MS)),
      endsAt: MoreThan(new Date(visit.windowStart.getTime() - DAY_MS)),
    });
    return explainPlacement({ visit, technician, previous: sameDay, skilledTechnicians, absences });
  }

  unassignedVisits(region: string): Promise<OnsiteVisit[]> {
    return this.dataSource.getRepository(OnsiteVisit).find({
      where: { region, status: OnsiteVisitStatus.UNPLANNED, technicianId: IsNull() },
      order: { requestedAt: 'ASC' },
    });
  }

  /** Keeps a planned visit on its technician and start in every later run. */
  async pin(visitId: string): Promise<OnsiteVisit> {
    const { region } = await this.openVisit(visitId);
    // Under the region's lock, so a run that read the visit unpinned cannot move it afterwards.
    return this.plans.changeRegion(region, async (manager, version) => {
      const visit = await manager.findOne(OnsiteVisit, {
        where: { id: visitId, status: In(OPEN_STATUSES) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!visit) throw notFound('OnsiteVisit', visitId);
      if (visit.status !== OnsiteVisitStatus.PLANNED) throw conflict(`Visit ${visitId} has no slot to pin yet`);
      if (visit.pinned) return visit;
      await manager.update(OnsiteVisit, { id: visitId }, { pinned: true });
      visit.pinned = true;
      await publishVisitChanges(manager, [{ visit, change: 'PINNED' }], version);
      return visit;
    });
  }

  /** Frees the visit and asks for a re-plan so it can move again. */
  async unpin(visitId: string): Promise<OnsiteVisit> {
    const visit = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(OnsiteVisit, {
        where: { id: visitId, status: In(OPEN_STATUSES) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!found) throw notFound('OnsiteVisit', visitId);
      if (!found.pinned) return found;
      await manager.update(OnsiteVisit, { id: visitId }, { pinned: false });
      found.pinned = false;
      await publishVisitChanges(manager, [{ visit: found, change: 'UNPINNED' }], found.planVersion);
      return found;
    });
    await this.optimisation.requestQuietly(visit.region, `visit ${visitId} unpinned`);
    return visit;
  }

  private async openVisit(visitId: string): Promise<OnsiteVisit> {
    const visit = await this.dataSource.getRepository(OnsiteVisit).findOneBy({ id: visitId, status: In(OPEN_STATUSES) });
    if (!visit) throw notFound('OnsiteVisit', visitId);
    return visit;
  }

  private async stops(technicianIds: string[], from: Date, to: Date): Promise<ScheduleStop[]> {
    if (technicianIds.length === 0) return [];
    const visits = await this.dataSource.getRepository(OnsiteVisit).find({
      where: { technicianId: In(technicianIds), status: OnsiteVisitStatus.PLANNED, windowStart: Between(from, to) },
      order: { windowStart: 'ASC' },
    });
    return visits.map((visit) => {
      const start = visit.windowStart as Date;
      const arrival = visit.arrivalAt ?? start;
      return {
        visit,
        arrival,
        start,
        end: visit.windowEnd as Date,
        travelMinutes: visit.travelMinutes ?? 0,
        slackMinutes: Math.round((start.getTime() - arrival.getTime()) / 60_000),
      };
    });
  }
}
