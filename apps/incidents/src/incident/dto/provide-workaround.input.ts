import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
import { IncidentActionInput } from './incident-action.input';

@InputType()
export class ProvideWorkaroundInput extends IncidentActionInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  workaround: string;

  @Field(() => String, { nullable: true, description: 'Required for Severity 1 and 2: the release expected to carry the fix.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(50)
  fixExpectedInRelease?: string;
}
