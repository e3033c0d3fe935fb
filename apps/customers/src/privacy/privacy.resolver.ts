import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { LegalHold } from './legal-hold.entity';
import { LegalHoldService } from './legal-hold.service';

/** Support staff's operations on personal data; every one names its reason and is audited. */
@Resolver()
export class PrivacyResolver {
  constructor(private readonly holds: LegalHoldService) {}

  @Access(SUPPORT)
  @Mutation(() => LegalHold, {
    nullable: true,
    description:
      'Sets (hold: true) or releases a legal hold on a customer’s data, with a reason of up to 500 characters; answers the hold in force afterwards. While held, nothing of the customer is erased or purged.',
  })
  setLegalHold(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('hold', () => Boolean) hold: boolean,
    @Arg('reason', () => String) reason: string,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<LegalHold | null> {
    return this.holds.set(principal, customerId, hold, reason);
  }

  @Access(SUPPORT)
  @Query(() => LegalHold, { nullable: true, description: 'The legal hold on a customer, if any.' })
  legalHold(@Arg('customerId', () => ID) customerId: string): Promise<LegalHold | null> {
    return this.holds.find(customerId);
  }

  @Access(SUPPORT)
  @Query(() => [ID], { description: 'Which of these customers (up to 500) are under a legal hold: services ask before deleting data.' })
  customersUnderLegalHold(@Arg('customerIds', () => [ID]) customerIds: string[]): Promise<string[]> {
    return this.holds.heldAmong(customerIds);
  }
}
