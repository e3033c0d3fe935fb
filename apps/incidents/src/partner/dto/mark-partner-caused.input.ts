import { Field, InputType } from 'type-graphql';
import { IsEnum, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { IncidentActionInput } from '../../incident/dto/incident-action.input';
import { CloudPartner } from '../cloud-partner';

@InputType()
export class MarkPartnerCausedInput extends IncidentActionInput {
  @Field(() => CloudPartner)
  @IsEnum(CloudPartner)
  partner: CloudPartner;

  @Field(() => String, { description: 'What support found, documented for the customer and the partner; up to 5,000 characters.' })
  @IsNotBlank()
  @MaxLength(5000)
  findings: string;
}
