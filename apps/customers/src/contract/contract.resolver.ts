import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, entityReference, Access, CUSTOMER_USERS, PremiumFeature, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Contract } from './contract.entity';
import { ContractService } from './contract.service';
import { CreateContractInput } from './dto/create-contract.input';
import { CoverDevicesInput } from './dto/cover-devices.input';
import { DeviceCoverage } from './device-coverage.type';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';

export const DeviceReference = entityReference('Device', { resolvable: false });

// A scalar list argument is not seen by class-validator: a repeated feature is refused here.
function premiumFeaturesArg(value: unknown): void {
  if (Array.isArray(value) && new Set(value).size !== value.length)
    throw badUserInput('premiumFeatures must name each feature once', 'premiumFeatures');
}

@Resolver(() => Contract)
export class ContractResolver {
  constructor(
    private readonly contracts: ContractService,
    private readonly customers: CustomerService,
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => Contract, { nullable: true })
  contract(@Arg('id', () => ID) id: string): Promise<Contract | null> {
    return this.contracts.findById(id);
  }

  @Access(SUPPORT)
  @Query(() => [DeviceCoverage], {
    description: 'Contract periods covering each device (service-to-service: the devices subgraph derives entitlement from it).',
  })
  deviceCoverage(@Arg('deviceIds', () => [ID]) deviceIds: string[]): Promise<DeviceCoverage[]> {
    return this.contracts.coverageOf(deviceIds);
  }

  @Access(SUPPORT)
  @Mutation(() => Contract)
  createContract(@Arg('input', () => CreateContractInput) input: CreateContractInput): Promise<Contract> {
    return this.contracts.create(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Contract, { description: 'Adds devices of the contract’s customer to its cover.' })
  coverDevices(@Arg('input', () => CoverDevicesInput) input: CoverDevicesInput): Promise<Contract> {
    return this.contracts.coverDevices(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Contract, { description: 'Sets the premium Poly Lens features a contract entitles (replacing the previous set).' })
  setContractPremiumFeatures(
    @Arg('contractId', () => ID) contractId: string,
    @Arg('premiumFeatures', () => [PremiumFeature], { description: 'Each feature once.', validateFn: premiumFeaturesArg })
    premiumFeatures: PremiumFeature[],
  ): Promise<Contract> {
    return this.contracts.setPremiumFeatures(contractId, premiumFeatures);
  }

  @FieldResolver(() => Customer)
  customer(@Root() contract: Contract): Promise<Customer> {
    return this.customers.getById(contract.customerId);
  }

  @FieldResolver(() => [DeviceReference])
  async coveredDevices(@Root() contract: Contract) {
    return (await this.contracts.coveredDeviceIds(contract.id)).map((id) => new DeviceReference(id));
  }
}
