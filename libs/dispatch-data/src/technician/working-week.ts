import { Field, Int, ObjectType } from 'type-graphql';

/** One weekday's working interval, local HH:mm in the technician's time zone. */
export type WorkingDayHours = { weekday: number; from: string; to: string };

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

@ObjectType('WorkingDay', { description: 'A weekday the technician works and their hours that day, local to the technician’s time zone.' })
export class WorkingDay implements WorkingDayHours {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday: number;

  @Field(() => String, { description: 'Start, local HH:mm.' })
  from: string;

  @Field(() => String, { description: 'End, local HH:mm, later than from on the same day.' })
  to: string;
}

/** The fields a technician's week is read from. */
export type WeekSource = { weeklyHours?: WorkingDayHours[] | null; workFrom: string; workTo: string };

/**
 * The week a technician works, Monday first: the week set per weekday when there is one, otherwise
 * the Monday–Friday default of `workFrom`–`workTo` (technicians created before weeks existed).
 */
export function workingWeek(technician: WeekSource): WorkingDay[] {
  const days = technician.weeklyHours ?? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: technician.workFrom, to: technician.workTo }));
  return [...days]
    .sort((a, b) => a.weekday - b.weekday)
    .map((day) => Object.assign(new WorkingDay(), { weekday: day.weekday, from: day.from, to: day.to }));
}

/** The hours of one ISO weekday, or undefined on a day off. */
export function workingDayOn(technician: WeekSource, weekday: number): WorkingDay | undefined {
  return workingWeek(technician).find((day) => day.weekday === weekday);
}
