import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { RegionPlanStore, Technician, type WorkingDayHours } from '@polyplus/dispatch-data';
import type { OptimisationTrigger } from '../onsite-visit/optimisation-trigger';
import type { CreateTechnicianInput } from './dto/create-technician.input';
import { parseWorkingWeek } from './working-week.validation';
import { releasePinsOutsideShifts } from './pins-outside-shifts';

/** Technicians and their working week; a change of hours re-plans the technician's region. */
export class TechnicianService {
  private readonly plans: RegionPlanStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly optimisation: OptimisationTrigger,
  ) {
    this.plans = new RegionPlanStore(dataSource);
  }

  list(region: string): Promise<Technician[]> {
    return this.dataSource.getRepository(Technician).find({ where: { region }, order: { name: 'ASC' } });
  }

  /** Without `workingHours` the technician works the Monday–Friday default of workFrom–workTo. */
  async create(input: CreateTechnicianInput): Promise<Technician> {
    const { workingHours, ...rest } = input;
    if (workingHours && (input.workFrom || input.workTo))
      throw badUserInput('Give either workingHours or the Monday–Friday workFrom/workTo, not both', 'workingHours');
    const weeklyHours = workingHours ? parseWorkingWeek(workingHours) : null;
    const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== null));
    const technicians = this.dataSource.getRepository(Technician);
    const technician = technicians.create({ ...defined, id: randomUUID(), name: input.name.trim(), weeklyHours });
    if (technician.workFrom && technician.workTo && technician.workTo <= technician.workFrom) {
      throw badUserInput(`workTo (${technician.workTo}) must be after workFrom (${technician.workFrom})`, 'workTo');
    }
    return technicians.save(technician);
  }

  /**
   * Replaces the technician's week. Like an absence, it is a change of the region's inputs: the plan
   * version moves on (a run that read the old hours turns stale), pins outside the new hours are
   * released, and the region is re-planned.
   */
  async setWorkingHours(technicianId: string, days: WorkingDayHours[]): Promise<Technician> {
    const weeklyHours = parseWorkingWeek(days);
    const known = await this.dataSource.getRepository(Technician).findOneBy({ id: technicianId });
    if (!known) throw notFound('Technician', technicianId);
    const technician = await this.plans.changeRegion(known.region, async (manager, version) => {
      await manager.update(Technician, { id: technicianId }, { weeklyHours });
      const updated = await manager.findOneByOrFail(Technician, { id: technicianId });
      await releasePinsOutsideShifts(manager, updated, [], version);
      return updated;
    });
    await this.optimisation.requestQuietly(technician.region, `working hours of ${technician.name} changed`);
    return technician;
  }
}
