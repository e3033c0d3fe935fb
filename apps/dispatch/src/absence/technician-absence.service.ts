import { randomUUID } from 'node:crypto';
import { In, LessThan, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import {
  OnsiteVisit,
  OnsiteVisitStatus,
  publishVisitChanges,
  RegionPlanStore,
  Technician,
  TechnicianAbsence,
  technicianShifts,
} from '@polyplus/dispatch-data';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import type { RecordTechnicianAbsenceInput } from './dto/record-technician-absence.input';

/** Sick days, holidays and training: each change re-plans the technician's region. */
export class TechnicianAbsenceService {
  private readonly plans: RegionPlanStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly optimisation: OptimisationTrigger,
  ) {
    this.plans = new RegionPlanStore(dataSource);
  }

  /** Absences overlapping [from, to), earliest first. */
  list(technicianId: string, from: Date, to: Date): Promise<TechnicianAbsence[]> {
    return this.dataSource.getRepository(TechnicianAbsence).find({
      where: { technicianId, startsAt: LessThan(to), endsAt: MoreThan(from) },
      order: { startsAt: 'ASC' },
    });
  }

  async record(input: RecordTechnicianAbsenceInput): Promise<TechnicianAbsence> {
    if (input.endsAt.getTime() <= input.startsAt.getTime()) throw badUserInput('An absence must end after it starts', 'endsAt');
    const technician = await this.dataSource.getRepository(Technician).findOneBy({ id: input.technicianId });
    if (!technician) throw notFound('Technician', input.technicianId);
    const absence = await this.plans.changeRegion(technician.region, async (manager, version) => {
      const created = manager.create(TechnicianAbsence, { id: randomUUID(), ...input });
      await manager.insert(TechnicianAbsence, created);
      await this.releasePins(manager, technician, created, version);
      return created;
    });
    await this.optimisation.requestQuietly(technician.region, `${technician.name} absent (${input.kind})`);
    return absence;
  }

  async cancel(id: string): Promise<TechnicianAbsence> {
    const absence = await this.dataSource.getRepository(TechnicianAbsence).findOneBy({ id });
    if (!absence) throw notFound('TechnicianAbsence', id);
    const technician = await this.dataSource.getRepository(Technician).findOneByOrFail({ id: absence.technicianId });
    await this.plans.changeRegion(technician.region, (manager) => manager.delete(TechnicianAbsence, { id }));
    await this.optimisation.requestQuietly(technician.region, `absence of ${technician.name} cancelled`);
    return absence;
  }

  /**
   * A pin in hours the technician no longer works cannot be kept (the scheduler plans only the
   * shift the absence leaves), so those visits are unpinned and re-planned.
   */
  private async releasePins(manager: EntityManager, technician: Technician, absence: TechnicianAbsence, version: number): Promise<void> {
    const pinned = await manager.find(OnsiteVisit, {
      where: { technicianId: technician.id, pinned: true, status: In([OnsiteVisitStatus.PLANNED]) },
      lock: { mode: 'pessimistic_write' },
    });
    const lost = pinned.filter((visit) => {
      const [start, end] = [(visit.windowStart as Date).getTime(), (visit.windowEnd as Date).getTime()];
      const working = technicianShifts(technician, [absence], start - 86_400_000, end + 86_400_000);
      return !working.some((shift) => shift.start <= start && end <= shift.end);
    });
    if (lost.length === 0) return;
    await manager.update(OnsiteVisit, { id: In(lost.map((visit) => visit.id)) }, { pinned: false });
    await publishVisitChanges(
      manager,
      lost.map((visit) => ({ visit, change: 'UNPINNED' as const })),
      version,
    );
  }
}
