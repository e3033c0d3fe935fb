import { Field, ID, InputType } from 'type-graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { TechnicianAbsenceKind } from '@polyplus/dispatch-data';

@InputType()
export class RecordTechnicianAbsenceInput {
  @Field(() => ID)
  @IsUUID()
  technicianId: string;

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => TechnicianAbsenceKind)
  @IsEnum(TechnicianAbsenceKind)
  kind: TechnicianAbsenceKind;
}
