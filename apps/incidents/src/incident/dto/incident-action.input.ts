import { Field, InputType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { CaseVersionInput } from './case-version.input';

/** A support engineer's change to a case, made against the version the engineer last saw; the caller is its actor. */
@InputType()
export class IncidentActionInput extends CaseVersionInput {
  // The description repeats the deprecation: inputs extending this one do not inherit deprecationReason.
  @Field(() => String, {
    nullable: true,
    description: 'Deprecated: the audit trail records the verified caller; a name given here is only shown in the audit note.',
    deprecationReason: 'The audit trail records the verified caller; a name given here is only shown in the audit note.',
  })
  @IsOptional()
  @MaxLength(100)
  engineer?: string;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}
