import { randomUUID } from 'node:crypto';
import { LessThan, MoreThan, type DataSource } from 'typeorm';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { RegionPlanStore, Technician, TechnicianAbsence } from '@polyplus/dispatch-data';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import { releasePinsOutsideShifts } from '../technician/pins-outside-shifts';
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
      await releasePinsOutsideShifts(manager, technician, [created], version);
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
}
