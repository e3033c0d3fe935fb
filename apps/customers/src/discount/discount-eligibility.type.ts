import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceDiscount } from './service-discount.entity';

@ObjectType('DiscountEligibility', { description: 'Whether a customer gets professional-service discounts on a date, and which.' })
export class DiscountEligibility {
  @Field(() => ID)
  customerId: string;

  @Field(() => String, { description: 'The date asked about, yyyy-mm-dd.' })
  on: string;

  @Field(() => Boolean, { description: 'A Poly+ contract is current on that date.' })
  eligible: boolean;

  @Field(() => ID, { nullable: true, description: 'The current contract that makes the customer eligible.' })
  contractId: string | null;

  @Field(() => [ServiceDiscount], { description: 'Offers in force on that date; empty when not eligible.' })
  discounts: ServiceDiscount[];
}
