import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IncidentClockPause } from '../clock-pause.entity';
import { PauseReason } from '../pause-reason';

export enum ClockState {
  ON_TRACK = 'ON_TRACK',
  PAUSED = 'PAUSED',
  BREACHED = 'BREACHED',
  MET = 'MET',
}

registerEnumType(ClockState, {
  name: 'ClockState',
  description:
    'ON_TRACK running within its target; PAUSED waiting on the customer, a partner or a part; BREACHED past its due instant; MET resolved on time.',
});

@ObjectType('PausedSpan', { description: 'A stretch of the pause history with overlapping pauses merged: shared time is withheld once.' })
export class PausedSpan {
  @Field(() => Date)
  from: Date;

  @Field(() => Date, { nullable: true, description: 'Null while still paused.' })
  to: Date | null;

  @Field(() => [PauseReason])
  reasons: PauseReason[];

  @Field(() => Int, { description: 'Business minutes the span withheld from the clock: none for a wait outside business hours.' })
  withheldMinutes: number;
}

@ObjectType('ResolutionClock', {
  description:
    'The case’s resolution clock, evaluated now from its stored facts: business time from the customer’s contact in the site’s calendar, paused while the case waits on the customer, a partner or a part, re-targeted by severity changes, stopped at resolution.',
})
export class ResolutionClockType {
  @Field(() => ClockState)
  state: ClockState;

  @Field(() => Int, { description: 'The target in force, in business minutes (the severity’s, or sooner after a severity change).' })
  targetMinutes: number;

  @Field(() => Int, { description: 'Business minutes the clock has run.' })
  elapsedMinutes: number;

  @Field(() => Int, { description: 'Business minutes left; elapsed + remaining = target until breached.' })
  remainingMinutes: number;

  @Field(() => Int, { description: 'Business minutes past the target; zero unless breached.' })
  overdueMinutes: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the target will be reached if the clock keeps running (ON_TRACK) or was reached (BREACHED); null while paused or once met.',
  })
  dueAt: Date | null;

  @Field(() => Date, { description: 'The customer’s contact.' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The resolution, when the clock stopped.' })
  stoppedAt: Date | null;

  @Field(() => [PauseReason], { description: 'What the case waits on now.' })
  waitingOn: PauseReason[];

  @Field(() => [IncidentClockPause], { description: 'Every recorded pause, oldest first.' })
  pauses: IncidentClockPause[];

  @Field(() => [PausedSpan], { description: 'The pause history merged as the clock counts it.' })
  pausedSpans: PausedSpan[];
}
