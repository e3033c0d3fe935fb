import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, badUserInput, CUSTOMER_SIDE, STAFF, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { SupportChannel } from './support-channel.entity';
import { hoursOf, isOpenAt, SupportDirectoryService } from './support-directory.service';
import { SupportChannelInput } from './dto/support-channel.input';

const COUNTRY = /^[A-Z]{2}$/;

/** 24x7 Priority Support contact channels: public to read, maintained by support staff. */
@Resolver(() => SupportChannel)
export class SupportDirectoryResolver {
  constructor(private readonly directory: SupportDirectoryService) {}

  @Access('PUBLIC', STAFF, CUSTOMER_SIDE)
  @Query(() => [SupportChannel], {
    description:
      'Regional telephone numbers and chat, web and video links of Poly support, with hours and languages. Open without signing in. For a country: its own channels and its regions’ region-wide ones.',
  })
  supportDirectory(
    @Arg('region', () => String, { nullable: true, description: 'Up to 60 characters, e.g. EMEA.' }) region?: string,
    @Arg('countryCode', () => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. DE.' }) countryCode?: string,
  ): Promise<SupportChannel[]> {
    if (region !== undefined && region !== null && (region.length > 60 || region.trim() === ''))
      throw badUserInput('region must be 1 to 60 characters', 'region');
    if (countryCode !== undefined && countryCode !== null && !COUNTRY.test(countryCode))
      throw badUserInput('countryCode must be an ISO 3166-1 alpha-2 code such as DE', 'countryCode');
    return this.directory.list(region, countryCode);
  }

  @Access(SUPPORT)
  @Mutation(() => SupportChannel, { description: 'Adds a contact channel to the public support directory.' })
  addSupportChannel(
    @Arg('input', () => SupportChannelInput) input: SupportChannelInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<SupportChannel> {
    return this.directory.add(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => SupportChannel, { description: 'Replaces a contact channel of the support directory.' })
  updateSupportChannel(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SupportChannelInput) input: SupportChannelInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<SupportChannel> {
    return this.directory.update(id, input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => ID, { description: 'Removes a contact channel from the support directory; returns its id.' })
  removeSupportChannel(@Arg('id', () => ID) id: string): Promise<string> {
    return this.directory.remove(id);
  }

  @FieldResolver(() => String, { description: 'The hours in one line: "24x7" or e.g. "Mon–Fri 08:00–18:00 Europe/Berlin".' })
  hours(@Root() channel: SupportChannel): string {
    return hoursOf(channel);
  }

  @FieldResolver(() => Boolean, { description: 'Staffed right now.' })
  openNow(@Root() channel: SupportChannel): boolean {
    return isOpenAt(channel, this.directory.now());
  }
}
