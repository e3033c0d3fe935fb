import { Between, In, IsNull, type DataSource } from 'typeorm';
import { conflict, notFound } from '@polyplus/subgraph-kit';
import { OnsiteVisit, OnsiteVisitStatus, RegionPlanStore, Technician } from '@polyplus/dispatch-data';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import type { RegionBoard, ScheduleStop, TechnicianSchedule } from './dto/schedule.types';

const DAY_MS = 86_400_000;

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

  /** `date` is a UTC day (yyyy-mm-dd). */
  async regionBoard(region: string, date: string): Promise<RegionBoard> {
    const from = new Date(`${date}T00:00:00Z`);
    const to = new Date(from.getTime() + DAY_MS);
    const technicians = await this.dataSource.getRepository(Technician).find({ where: { region }, order: { name: 'ASC' } });
    const stops = await this.stops(technicians.map((technician) => technician.id), from, to);
    return {
      region,
      planVersion: (await this.plans.findPlan(region))?.version ?? 0,
      schedules: technicians.map((technician) => ({ technician, stops: stops.filter((stop) => stop.visit.technicianId === technician.id) })),
      unassigned: await this.unassignedVisits(region),
    };
  }

  unassignedVisits(region: string): Promise<OnsiteVisit[]> {
    return this.dataSource.getRepository(OnsiteVisit).find({
      where: { region, status: OnsiteVisitStatus.UNPLANNED, technicianId: IsNull() },
      order: { requestedAt: 'ASC' },
    });
  }

  /** Keeps a planned visit on its technician and start in every later run. */
  async pin(visitId: string): Promise<OnsiteVisit> {
    const visit = await this.openVisit(visitId);
    if (visit.status !== OnsiteVisitStatus.PLANNED) throw conflict(`Visit ${visitId} has no slot to pin yet`);
    await this.dataSource.getRepository(OnsiteVisit).update(visitId, { pinned: true });
    return { ...visit, pinned: true };
  }

  /** Frees the visit and asks for a re-plan so it can move again. */
  async unpin(visitId: string): Promise<OnsiteVisit> {
    const visit = await this.openVisit(visitId);
    await this.dataSource.getRepository(OnsiteVisit).update(visitId, { pinned: false });
    await this.optimisation.request({ region: visit.region, reason: `visit ${visitId} unpinned` }).catch((error: Error) => {
      console.error(`[dispatch] could not enqueue optimisation for ${visit.region}: ${error.message}`);
    });
    return { ...visit, pinned: false };
  }

  private async openVisit(visitId: string): Promise<OnsiteVisit> {
    const visit = await this.dataSource.getRepository(OnsiteVisit).findOneBy({ id: visitId, status: In([OnsiteVisitStatus.UNPLANNED, OnsiteVisitStatus.PLANNED]) });
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
