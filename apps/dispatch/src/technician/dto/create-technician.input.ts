import { Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsTimeZone, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { CLOCK_PATTERN } from '../working-week.validation';
import { WorkingDayInput } from './working-day.input';

export const REGION_PATTERN = /^[A-Z0-9-]{2,32}$/;

// Skills are stored comma-separated in a VARCHAR(500): 20 of at most 24 characters fit with their commas.
export const MAX_SKILLS = 20;
export const MAX_SKILL_LENGTH = 24;

@InputType()
export class CreateTechnicianInput {
  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { description: 'Dispatch region code, e.g. UK-SOUTH.' })
  @Matches(REGION_PATTERN, { message: 'region must be 2-32 capital letters, digits or hyphens' })
  region: string;

  @Field(() => [String], {
    nullable: true,
    description: `Skills and product certifications, e.g. ROOM: up to ${MAX_SKILLS}, each 1-${MAX_SKILL_LENGTH} characters without commas.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SKILLS)
  @IsNotBlank({ each: true })
  @MaxLength(MAX_SKILL_LENGTH, { each: true })
  @Matches(/^[^,]*$/, { each: true, message: 'skills must not contain commas' })
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
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @Field(() => [WorkingDayInput], {
    nullable: true,
    description:
      'The week, one interval per working weekday (e.g. Friday 08:00–13:00, Saturday 09:00–13:00). Without it the technician works workFrom–workTo, Monday to Friday.',
  })
  @IsOptional()
  @ArrayMaxSize(7, { message: 'workingHours has one interval per weekday: at most 7' })
  workingHours?: WorkingDayInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Start of the Monday–Friday default week, local HH:mm (default 08:00); not with workingHours.',
  })
  @IsOptional()
  @Matches(CLOCK_PATTERN)
  workFrom?: string;

  @Field(() => String, {
    nullable: true,
    description: 'End of the Monday–Friday default week, local HH:mm (default 17:00); not with workingHours.',
  })
  @IsOptional()
  @Matches(CLOCK_PATTERN)
  workTo?: string;

  @Field(() => Int, { nullable: true, description: 'Longest working day, 30 to 720 minutes (default 480).' })
  @IsOptional()
  @Min(30)
  @Max(720)
  maxDailyWorkMinutes?: number;
}
