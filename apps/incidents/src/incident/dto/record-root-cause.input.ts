import { Field, InputType } from 'type-graphql';
import { IsEnum, IsNotEmpty, MaxLength } from 'class-validator';
import { IncidentActionInput } from './incident-action.input';
import { RootCauseKind } from '../root-cause-kind';

@InputType()
export class RecordRootCauseInput extends IncidentActionInput {
  @Field(() => RootCauseKind)
  @IsEnum(RootCauseKind)
  kind: RootCauseKind;

  @Field(() => String, { description: 'Known-issue or issue-tracker key, or feature-request id.' })
  @IsNotEmpty()
  @MaxLength(100)
  reference: string;
}
