import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate, PREMIUM_FEATURES, PremiumFeature } from '@polyplus/subgraph-kit';
import { CONTRACT_OPTIONS, ContractOption } from '../contract-option';

export const MAX_DEVICES_PER_REQUEST = 10_000;

@InputType()
export class CreateContractInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => String, { description: 'Contract number, 3-32 capital letters, digits or hyphens.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,30}[A-Z0-9]$/, { message: 'reference must be 3-32 capital letters, digits or inner hyphens' })
  reference: string;

  @Field(() => String, { description: 'yyyy-mm-dd, inclusive.' })
  @IsCalendarDate()
  startsOn: string;

  @Field(() => String, { description: 'yyyy-mm-dd, inclusive; not before startsOn.' })
  @IsCalendarDate()
  endsOn: string;

  @Field(() => [ContractOption], { defaultValue: [] })
  @ArrayMaxSize(CONTRACT_OPTIONS.length)
  @IsEnum(ContractOption, { each: true })
  options: ContractOption[];

  @Field(() => [PremiumFeature], { defaultValue: [], description: 'Premium Poly Lens features the contract entitles, each once.' })
  @ArrayMaxSize(PREMIUM_FEATURES.length)
  @ArrayUnique({ message: 'premiumFeatures must name each feature once' })
  @IsEnum(PremiumFeature, { each: true })
  premiumFeatures: PremiumFeature[];

  @Field(() => [ID], { defaultValue: [], description: 'Devices of this customer the contract covers.' })
  @ArrayMaxSize(MAX_DEVICES_PER_REQUEST)
  @IsUUID('all', { each: true })
  deviceIds: string[];
}
