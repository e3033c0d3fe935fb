import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, calendarDateArg, CUSTOMER_USERS, SUPPORT } from '@polyplus/subgraph-kit';
import { ServiceDiscount } from './service-discount.entity';
import { DiscountEligibility } from './discount-eligibility.type';
import { DiscountService } from './discount.service';
import { CreateServiceDiscountInput } from './dto/create-service-discount.input';

@Resolver(() => ServiceDiscount)
export class DiscountResolver {
  constructor(private readonly discounts: DiscountService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => [ServiceDiscount], { description: 'Every professional-service discount offer.' })
  serviceDiscounts(): Promise<ServiceDiscount[]> {
    return this.discounts.list();
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => DiscountEligibility, { description: 'Whether and which discounts apply to a customer on a date (yyyy-mm-dd).' })
  discountEligibility(
    @Arg('customerId', () => ID) customerId: string,
    @Arg('on', () => String, { validateFn: calendarDateArg('on') }) on: string,
  ): Promise<DiscountEligibility> {
    return this.discounts.eligibility(customerId, on);
  }

  @Access(SUPPORT)
  @Mutation(() => ServiceDiscount)
  createServiceDiscount(@Arg('input', () => CreateServiceDiscountInput) input: CreateServiceDiscountInput): Promise<ServiceDiscount> {
    return this.discounts.create(input);
  }
}
