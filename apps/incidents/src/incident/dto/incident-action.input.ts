import { Field, ID, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';

/** A support engineer's change to a case, made against the version the engineer last saw. */
@InputType()
export class IncidentActionInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => Int, { description: 'The case version the change is based on; a newer version answers CONFLICT.' })
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { description: 'The acting support engineer, for the audit trail.' })
  @IsNotEmpty()
  @MaxLength(100)
  engineer: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
