import { Field, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { IncidentActionInput } from './incident-action.input';

@InputType()
export class ProvideWorkaroundInput extends IncidentActionInput {
  @Field(() => String, { description: 'Up to 5,000 characters.' })
  @IsNotBlank()
  @MaxLength(5000)
  workaround: string;

  @Field(() => String, {
    nullable: true,
    description: 'Required for Severity 1 and 2: the release expected to carry the fix, up to 50 characters.',
  })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(50)
  fixExpectedInRelease?: string;
}
