import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, STAFF } from '@polyplus/subgraph-kit';
import { Technician, WorkingDay, workingWeek } from '@polyplus/dispatch-data';
import { CreateTechnicianInput } from './dto/create-technician.input';
import { WorkingDayInput } from './dto/working-day.input';
import type { TechnicianService } from './technician.service';

@Resolver(() => Technician)
export class TechnicianResolver {
  constructor(private readonly service: TechnicianService) {}

  @Access(STAFF)
  @Query(() => [Technician])
  technicians(@Arg('region', () => String) region: string): Promise<Technician[]> {
    return this.service.list(region);
  }

  @FieldResolver(() => [WorkingDay], {
    description: 'The days the technician works and their hours, Monday first; a weekday missing is a day off.',
  })
  workingHours(@Root() technician: Technician): WorkingDay[] {
    return workingWeek(technician);
  }

  @Access(STAFF)
  @Mutation(() => Technician)
  createTechnician(@Arg('input', () => CreateTechnicianInput) input: CreateTechnicianInput): Promise<Technician> {
    return this.service.create(input);
  }

  @Access(STAFF)
  @Mutation(() => Technician, {
    description: 'Sets the technician’s week, one interval per working weekday; the region is re-planned around it.',
  })
  setTechnicianWorkingHours(
    @Arg('technicianId', () => ID) technicianId: string,
    @Arg('workingHours', () => [WorkingDayInput]) workingHours: WorkingDayInput[],
  ): Promise<Technician> {
    return this.service.setWorkingHours(technicianId, workingHours);
  }
}
