import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_SIDE, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Customer } from './customer.entity';
import { CustomerService } from './customer.service';
import { CreateCustomerInput } from './dto/create-customer.input';
import { Site } from '../site/site.entity';
import { SiteService } from '../site/site.service';
import { Contact } from '../contact/contact.entity';
import { ContactService } from '../contact/contact.service';
import { Contract } from '../contract/contract.entity';
import { ContractService } from '../contract/contract.service';

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomerService,
    private readonly siteService: SiteService,
    private readonly contactService: ContactService,
    private readonly contractService: ContractService,
  ) {}

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string): Promise<Customer | null> {
    return this.customerService.findById(id);
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Customer])
  customers(): Promise<Customer[]> {
    return this.customerService.list();
  }

  @Access(SUPPORT)
  @Mutation(() => Customer)
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput): Promise<Customer> {
    return this.customerService.create(input);
  }

  @FieldResolver(() => [Site])
  sites(@Root() customer: Customer): Promise<Site[]> {
    return this.siteService.listForCustomer(customer.id);
  }

  @FieldResolver(() => [Contact])
  contacts(@Root() customer: Customer): Promise<Contact[]> {
    return this.contactService.listForCustomer(customer.id);
  }

  @FieldResolver(() => [Contract])
  contracts(@Root() customer: Customer): Promise<Contract[]> {
    return this.contractService.listForCustomer(customer.id);
  }
}
