import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { TechnicianAbsenceKind } from '@polyplus/dispatch-data';
import { IsPlausibleInstant } from '@polyplus/subgraph-kit';

@InputType()
export class RecordTechnicianAbsenceInput {
  @Field(() => ID)
  @IsUUID()
  technicianId: string;

  @Field(() => Date, { description: 'A year from 1970 to 2999.' })
  @IsPlausibleInstant()
  startsAt: Date;

  @Field(() => Date, { description: 'After startsAt; a year from 1970 to 2999.' })
  @IsPlausibleInstant()
  endsAt: Date;

  @Field(() => TechnicianAbsenceKind)
  @IsEnum(TechnicianAbsenceKind)
  kind: TechnicianAbsenceKind;
}
