import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsPlausibleInstant } from '@polyplus/subgraph-kit';
import { MAX_OFFSET_MINUTES } from '@polyplus/clock';

export enum TestClockMode {
  SYSTEM = 'SYSTEM',
  OFFSET = 'OFFSET',
  FROZEN = 'FROZEN',
}

registerEnumType(TestClockMode, {
  name: 'TestClockMode',
  description: 'SYSTEM: real time; OFFSET: real time moved by whole minutes; FROZEN: one instant, time stands still.',
});

@ObjectType('TestClock', { description: 'The stack’s test clock (not in production): every service of this stack reads "now" from it.' })
export class TestClockType {
  @Field(() => TestClockMode)
  mode: TestClockMode;

  @Field(() => Date, { description: '"Now" on the test clock.' })
  now: Date;

  @Field(() => Date, { nullable: true })
  frozenAt: Date | null;

  @Field(() => Int, { nullable: true })
  offsetMinutes: number | null;

  @Field(() => String, { nullable: true, description: 'Who set it: `<ROLE>:<subject>`.' })
  setBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was set, in real time.' })
  setAt: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'On a change: the processes of the stack that applied it before the answer (all of them unless one was unreachable).',
  })
  appliedBy: number | null;

  @Field(() => Int, { nullable: true, description: 'On a change: the processes of the stack that were listening.' })
  listening: number | null;
}

@InputType({ description: 'Exactly one of frozenAt and offsetMinutes.' })
export class SetTestClockInput {
  @Field(() => Date, { nullable: true, description: 'Freeze the clock at this instant (years 1970–2999).' })
  @IsOptional()
  @IsPlausibleInstant()
  frozenAt?: Date | null;

  @Field(() => Int, { nullable: true, description: `Move real time by whole minutes, forward or back (at most ${MAX_OFFSET_MINUTES}).` })
  @IsOptional()
  @IsInt()
  @Min(-MAX_OFFSET_MINUTES)
  @Max(MAX_OFFSET_MINUTES)
  offsetMinutes?: number | null;
}
