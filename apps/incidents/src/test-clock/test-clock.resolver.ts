import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '@polyplus/auth';
import { TestClockError, type ServiceClock, type TestClockChangeResult, type TestClockState } from '@polyplus/clock';
import { Access, badUserInput, forbidden, serviceUnavailable, STAFF, type SubgraphContext } from '@polyplus/subgraph-kit';
import { SetTestClockInput, TestClockMode, TestClockType } from './test-clock.type';

function view(state: TestClockState, now: Date, change?: TestClockChangeResult): TestClockType {
  return Object.assign(new TestClockType(), {
    mode: state.mode as TestClockMode,
    now,
    frozenAt: state.frozenAt === null ? null : new Date(state.frozenAt),
    offsetMinutes: state.mode === 'OFFSET' ? Math.round(state.offsetMs / 60_000) : null,
    setBy: state.setBy,
    setAt: state.setAt ? new Date(state.setAt) : null,
    appliedBy: change?.applied ?? null,
    listening: change?.listening ?? null,
  });
}

function refusal(error: unknown): Error {
  if (!(error instanceof TestClockError)) return serviceUnavailable('The test clock cannot be reached');
  if (error.code === 'INVALID_CHANGE') return badUserInput(error.message, error.field);
  if (error.code === 'DISABLED') return forbidden(error.message);
  return serviceUnavailable(error.message);
}

/**
 * The stack's test clock for staging and end-to-end tests, in the spirit of Stripe's test clocks.
 * Registered only outside production (absent from the schema there), and refused by the clock
 * itself should it ever be reached in production.
 */
@Resolver()
export class TestClockResolver {
  constructor(private readonly clock: ServiceClock) {}

  @Access(STAFF)
  @Query(() => TestClockType, { description: 'The stack’s test clock. Not in production.' })
  testClock(): TestClockType {
    return view(this.clock.state(), this.clock.now());
  }

  @Access(STAFF)
  @Mutation(() => TestClockType, {
    description:
      'Moves "now" for every service of this stack: frozen at an instant, or real time plus an offset. Answers once every process applied it. Delayed timers are re-evaluated against the new time. Not in production.',
  })
  async setTestClock(
    @Arg('input', () => SetTestClockInput) input: SetTestClockInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<TestClockType> {
    const change = await this.clock
      .set({ frozenAt: input.frozenAt ?? null, offsetMinutes: input.offsetMinutes ?? null }, actorOf(principal))
      .catch((error: unknown) => {
        throw refusal(error);
      });
    return view(change.state, this.clock.now(), change);
  }

  @Access(STAFF)
  @Mutation(() => TestClockType, { description: 'Back to real time for every service of this stack. Not in production.' })
  async resetTestClock(@Ctx() { principal }: SubgraphContext): Promise<TestClockType> {
    const change = await this.clock.reset(actorOf(principal)).catch((error: unknown) => {
      throw refusal(error);
    });
    return view(change.state, this.clock.now(), change);
  }
}
