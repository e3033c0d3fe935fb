import { Field, ID, ObjectType } from 'type-graphql';
import { ContractOption } from './contract-option';
import { PremiumFeature } from '@polyplus/subgraph-kit';

@ObjectType('DeviceEntitlement', { description: 'What the Poly+ service owes a device at an instant (dates are the site’s local dates).' })
export class DeviceEntitlement {
  @Field(() => ID)
  deviceId: string;

  @Field(() => Date)
  at: Date;

  @Field(() => Boolean, { description: 'A contract covers the device on the site’s local date of `at`.' })
  covered: boolean;

  @Field(() => ID, { nullable: true, description: 'The covering contract (the one running longest when several do).' })
  contractId: string | null;

  @Field(() => [ContractOption], { description: 'Options in effect: bought on the contract and deliverable for this product type at this site.' })
  options: ContractOption[];

  @Field(() => [ContractOption], { description: 'Options bought on the covering contract, deliverable here or not.' })
  purchasedOptions: ContractOption[];

  @Field(() => [PremiumFeature], { description: 'Premium Poly Lens features the covering contract entitles.' })
  premiumFeatures: PremiumFeature[];

  @Field(() => Boolean, { description: 'The product is a personal device.' })
  personalDevice: boolean;

  @Field(() => Boolean, { description: 'Advance parts replacement allowed: covered, and for personal devices within 3 years of continuous coverage.' })
  advanceReplacementAllowed: boolean;

  @Field(() => String, { nullable: true, description: 'First day of the unbroken run of cover that includes `at`, yyyy-mm-dd.' })
  continuousCoverageSince: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the covering contract, yyyy-mm-dd.' })
  coveredUntil: string | null;
}
