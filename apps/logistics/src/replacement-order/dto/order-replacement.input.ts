import { Field, ID, InputType, Int } from 'type-graphql';
import { IsUUID, Matches, Max, Min } from 'class-validator';

@InputType()
export class OrderReplacementInput {
  @Field(() => ID)
  @IsUUID()
  incidentId: string;

  @Field(() => String)
  @Matches(/^[A-Z0-9][A-Z0-9.-]{1,62}[A-Z0-9]$/, { message: 'partNumber must be 3-64 capital letters, digits, dots or hyphens' })
  partNumber: string;

  @Field(() => Int, { defaultValue: 1, description: 'Units of the part, 1 to 20.' })
  @Min(1)
  @Max(20)
  quantity: number;
}
