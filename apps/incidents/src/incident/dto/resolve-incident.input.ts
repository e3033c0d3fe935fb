import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { IncidentActionInput } from './incident-action.input';

@InputType()
export class ResolveIncidentInput extends IncidentActionInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  resolution: string;
}
