import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from './customer.entity';
import { CustomerService } from './customer.service';
import { CreateCustomerInput } from './dto/create-customer.input';
import { Site } from '../site/site.entity';
import { SiteService } from '../site/site.service';

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomerService,
    private readonly siteService: SiteService,
  ) {}

  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string): Promise<Customer | null> {
    return this.customerService.findById(id);
  }

  @Query(() => [Customer])
  customers(): Promise<Customer[]> {
    return this.customerService.list();
  }

  @Mutation(() => Customer)
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput): Promise<Customer> {
    return this.customerService.create(input);
  }

  @FieldResolver(() => [Site])
  sites(@Root() customer: Customer): Promise<Site[]> {
    return this.siteService.listForCustomer(customer.id);
  }
}
