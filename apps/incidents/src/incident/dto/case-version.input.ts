import { Field, ID, InputType, Int } from 'type-graphql';
import { IsUUID, Min } from 'class-validator';

/** The case a change is about and the version its author saw: every change of a case starts with these two fields. No field takes it as such, so the schema shows only the inputs extending it. */
@InputType()
export class CaseVersionInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => Int, { description: 'The case version the change is based on; a newer version answers CONFLICT.' })
  @Min(1)
  expectedVersion: number;
}
