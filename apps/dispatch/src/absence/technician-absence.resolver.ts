import { Arg, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Access, STAFF } from '@polyplus/subgraph-kit';
import { Technician, TechnicianAbsence } from '@polyplus/dispatch-data';
import { RecordTechnicianAbsenceInput } from './dto/record-technician-absence.input';
import { TechnicianAbsenceService } from './technician-absence.service';

@Resolver(() => Technician)
export class TechnicianAbsenceResolver {
  constructor(private readonly service: TechnicianAbsenceService) {}

  @FieldResolver(() => [TechnicianAbsence], { description: 'Absences overlapping [from, to), earliest first.' })
  absences(
    @Root() technician: Technician,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<TechnicianAbsence[]> {
    return this.service.list(technician.id, from, to);
  }

  @Access(STAFF)
  @Mutation(() => TechnicianAbsence, { description: 'Records a sick day, holiday or training; the region is re-planned around it.' })
  recordTechnicianAbsence(
    @Arg('input', () => RecordTechnicianAbsenceInput) input: RecordTechnicianAbsenceInput,
  ): Promise<TechnicianAbsence> {
    return this.service.record(input);
  }

  @Access(STAFF)
  @Mutation(() => TechnicianAbsence, { description: 'Removes an absence; the region is re-planned.' })
  cancelTechnicianAbsence(@Arg('id', () => ID) id: string): Promise<TechnicianAbsence> {
    return this.service.cancel(id);
  }
}
