import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertVisible, type SubgraphContext, Access, CUSTOMER_USERS, plausibleInstantArg, PremiumFeature, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Device } from '../device/device.entity';
import { EntitlementService } from './entitlement.service';
import { OnsiteRulesService } from './onsite-rules.service';
import { DeviceEntitlement } from './device-entitlement.type';
import { OnsiteAvailabilityRule } from './onsite-availability-rule.entity';
import { SetOnsiteAvailabilityInput } from './dto/set-onsite-availability.input';

@Resolver(() => Device)
export class EntitlementResolver {
  constructor(
    private readonly entitlements: EntitlementService,
    private readonly onsiteRules: OnsiteRulesService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => DeviceEntitlement, { description: 'Coverage, options and advance-replacement right of a device at an instant (incidents and logistics ask this).' })
  async deviceEntitlement(@Arg('deviceId', () => ID) deviceId: string, @Arg('at', () => Date, { validateFn: plausibleInstantArg('at'), description: 'A year from 1970 to 2999.' }) at: Date, @Ctx() { principal }: SubgraphContext): Promise<DeviceEntitlement> {
    const { device, entitlement } = await this.entitlements.entitlementAt(deviceId, at);
    assertVisible(principal, device.customerId, 'Device', deviceId);
    return entitlement;
  }

  @FieldResolver(() => DeviceEntitlement, { description: 'Entitlement at `at`, by default now.' })
  entitlement(@Root() device: Device, @Arg('at', () => Date, { nullable: true, validateFn: plausibleInstantArg('at'), description: 'A year from 1970 to 2999.' }) at?: Date): Promise<DeviceEntitlement> {
    return this.entitlements.entitlementOf({ device, at: at ?? this.now() });
  }

  @FieldResolver(() => [PremiumFeature], { description: 'Premium Poly Lens features the device’s current contract entitles (none when no contract covers it today).' })
  async premiumFeatures(@Root() device: Device): Promise<PremiumFeature[]> {
    return (await this.entitlements.entitlementOf({ device, at: this.now() })).premiumFeatures;
  }

  @Access(STAFF)
  @Query(() => [OnsiteAvailabilityRule])
  onsiteAvailabilityRules(): Promise<OnsiteAvailabilityRule[]> {
    return this.onsiteRules.list();
  }

  @Access(SUPPORT)
  @Mutation(() => OnsiteAvailabilityRule, { description: 'Creates or replaces the onsite rule for a country (or subdivision) and product type.' })
  setOnsiteAvailability(@Arg('input', () => SetOnsiteAvailabilityInput) input: SetOnsiteAvailabilityInput): Promise<OnsiteAvailabilityRule> {
    return this.onsiteRules.set(input);
  }
}
