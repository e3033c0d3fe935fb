import { Field, ID, InputType } from 'type-graphql';
import { IsNotEmpty, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';

@InputType()
export class IssueLicenceInput {
  @Field(() => ID)
  @IsUUID()
  deviceId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  feature: string;

  @Field(() => String, { nullable: true, description: 'yyyy-mm-dd; omit for a perpetual licence.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiresOn must be a date yyyy-mm-dd' })
  expiresOn?: string;
}
