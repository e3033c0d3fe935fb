import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_SIDE, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Site } from './site.entity';
import { SiteService } from './site.service';
import { CreateSiteInput } from './dto/create-site.input';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';

@Resolver(() => Site)
export class SiteResolver {
  constructor(
    private readonly sites: SiteService,
    private readonly customers: CustomerService,
  ) {}

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Site, { nullable: true })
  site(@Arg('id', () => ID) id: string): Promise<Site | null> {
    return this.sites.findById(id);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Site], { description: 'Several sites at once (other subgraphs batch their look-ups); unknown ids are left out.' })
  sitesByIds(@Arg('ids', () => [ID]) ids: string[]): Promise<Site[]> {
    return this.sites.findByIds(ids);
  }

  @Access(SUPPORT, 'CUSTOMER_ADMIN')
  @Mutation(() => Site)
  createSite(@Arg('input', () => CreateSiteInput) input: CreateSiteInput): Promise<Site> {
    return this.sites.create(input);
  }

  @FieldResolver(() => Customer)
  customer(@Root() site: Site): Promise<Customer> {
    return this.customers.getById(site.customerId);
  }
}
