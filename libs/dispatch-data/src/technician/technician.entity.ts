import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { csvTransformer } from '../shared/csv-transformer';
import type { WorkingDayHours } from './working-week';

@Directive('@key(fields: "id")')
@ObjectType('Technician', { description: 'An authorised field technician who installs replacement parts on site.' })
@Entity('technician')
export class Technician {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { description: 'The dispatch region whose visits this technician serves.' })
  @Index('IDX_technician_region')
  @Column('varchar', { length: 32 })
  region: string;

  @Field(() => [String], { description: 'Skills and product certifications, e.g. product family codes.' })
  @Column('varchar', { length: 500, default: '', transformer: csvTransformer })
  skills: string[];

  @Field(() => Float)
  @Column('double', { default: 0 })
  homeLatitude: number;

  @Field(() => Float)
  @Column('double', { default: 0 })
  homeLongitude: number;

  @Field(() => String, { description: 'IANA time zone of the working hours.' })
  @Column('varchar', { length: 64, default: 'UTC' })
  timeZone: string;

  @Field(() => String, {
    description:
      'Start of the default week (local HH:mm, Monday to Friday), which applies until a week is set per weekday; `workingHours` gives the hours that apply.',
  })
  @Column('char', { length: 5, default: '08:00' })
  workFrom: string;

  @Field(() => String, {
    description:
      'End of the default week (local HH:mm, Monday to Friday), which applies until a week is set per weekday; `workingHours` gives the hours that apply.',
  })
  @Column('char', { length: 5, default: '17:00' })
  workTo: string;

  /**
   * The week set per weekday (one interval per working day); null means the Monday–Friday default
   * of workFrom–workTo. Read it through `workingWeek()`, which applies that default.
   */
  @Column('simple-json', { nullable: true, default: null })
  weeklyHours: WorkingDayHours[] | null;

  @Field(() => Int)
  @Column('int', { unsigned: true, default: 480 })
  maxDailyWorkMinutes: number;
}
