import { Field, ID, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsUUID, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class OpenIncidentInput {
  @Field(() => ID)
  @IsUUID()
  deviceId: string;

  @Field(() => Int, { description: '1 = Critical, 2 = Major, 3 = Minor.' })
  @Min(1)
  @Max(3)
  severity: number;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(500)
  summary: string;
}
