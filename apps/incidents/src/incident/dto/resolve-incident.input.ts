import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { IncidentActionInput } from './incident-action.input';

@InputType()
export class ResolveIncidentInput extends IncidentActionInput {
  @Field(() => String, { description: 'Up to 5,000 characters.' })
  @IsNotBlank()
  @MaxLength(5000)
  resolution: string;
}
