import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsPlausibleInstant } from '@polyplus/subgraph-kit';
import { REGION_PATTERN } from '../../technician/dto/create-technician.input';

@InputType()
export class RequestOnsiteVisitInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => ID)
  @IsUUID()
  siteId: string;

  @Field(() => String)
  @Matches(REGION_PATTERN, { message: 'region must be 2-32 capital letters, digits or hyphens' })
  region: string;

  @Field(() => Date, {
    nullable: true,
    description: 'Not before: when the replacement part is expected on site; a year from 1970 to 2999.',
  })
  @IsOptional()
  @IsPlausibleInstant()
  releaseAt?: Date | null;
}
