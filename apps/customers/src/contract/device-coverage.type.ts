import { Field, ID, ObjectType } from 'type-graphql';
import { ContractOption } from './contract-option';
import { PremiumFeature } from '@polyplus/subgraph-kit';

@ObjectType('CoveragePeriod', { description: 'One contract’s cover of a device: the term, both days inclusive.' })
export class CoveragePeriod {
  @Field(() => ID)
  contractId: string;

  @Field(() => String)
  reference: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  startsOn: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  endsOn: string;

  @Field(() => [ContractOption])
  options: ContractOption[];

  @Field(() => [PremiumFeature])
  premiumFeatures: PremiumFeature[];
}

@ObjectType('DeviceCoverage', {
  description: 'Every contract period that ever covered a device: the devices subgraph decides entitlement from it.',
})
export class DeviceCoverage {
  @Field(() => ID)
  deviceId: string;

  @Field(() => [CoveragePeriod])
  periods: CoveragePeriod[];
}
