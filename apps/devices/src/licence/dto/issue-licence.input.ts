import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, IsNotBlank } from '@polyplus/subgraph-kit';

@InputType()
export class IssueLicenceInput {
  @Field(() => ID)
  @IsUUID()
  deviceId: string;

  @Field(() => String, { description: 'What it unlocks, up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  feature: string;

  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd; omit for a perpetual licence.' })
  @IsOptional()
  @IsCalendarDate()
  expiresOn?: string;
}
