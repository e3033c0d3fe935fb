import { Field, InputType } from 'type-graphql';
import { IsEnum, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { IncidentActionInput } from './incident-action.input';
import { RootCauseKind } from '../root-cause-kind';

@InputType()
export class RecordRootCauseInput extends IncidentActionInput {
  @Field(() => RootCauseKind)
  @IsEnum(RootCauseKind)
  kind: RootCauseKind;

  @Field(() => String, { description: 'Known-issue or issue-tracker key, or feature-request id; up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  reference: string;
}
