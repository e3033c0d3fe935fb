import { Field, Float, InputType, Int } from 'type-graphql';
import { IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { CLOCK_PATTERN } from '../working-week.validation';
import { WorkingDayInput } from './working-day.input';

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

  @Field(() => [String], { nullable: true, description: 'Skills and product certifications.' })
  @IsOptional()
  skills?: string[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-90)
  @Max(90)
  homeLatitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(-180)
  @Max(180)
  homeLongitude?: number;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the working hours (default UTC).' })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => [WorkingDayInput], {
    nullable: true,
    description: 'The week, one interval per working weekday (e.g. Friday 08:00–13:00, Saturday 09:00–13:00). Without it the technician works workFrom–workTo, Monday to Friday.',
  })
  @IsOptional()
  workingHours?: WorkingDayInput[];

  @Field(() => String, { nullable: true, description: 'Start of the Monday–Friday default week, local HH:mm (default 08:00); not with workingHours.' })
  @IsOptional()
  @Matches(CLOCK_PATTERN)
  workFrom?: string;

  @Field(() => String, { nullable: true, description: 'End of the Monday–Friday default week, local HH:mm (default 17:00); not with workingHours.' })
  @IsOptional()
  @Matches(CLOCK_PATTERN)
  workTo?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(30)
  @Max(720)
  maxDailyWorkMinutes?: number;
}
