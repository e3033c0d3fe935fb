import { Field, InputType } from 'type-graphql';
import { IsNotEmpty, Matches, MaxLength } from 'class-validator';

export const REGION_PATTERN = /^[A-Z0-9-]{2,32}$/;

@InputType()
export class CreateTechnicianInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { description: 'Dispatch region code, e.g. UK-SOUTH.' })
  @Matches(REGION_PATTERN, { message: 'region must be 2-32 capital letters, digits or hyphens' })
  region: string;
}
