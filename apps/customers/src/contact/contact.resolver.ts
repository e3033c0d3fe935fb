import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, badUserInput, CUSTOMER_USERS, STAFF, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { Contact } from './contact.entity';
import { ContactService } from './contact.service';
import { AddContactInput } from './dto/add-contact.input';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly contacts: ContactService,
    private readonly customers: CustomerService,
  ) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => Contact, { nullable: true })
  contact(@Arg('id', () => ID) id: string): Promise<Contact | null> {
    return this.contacts.findById(id);
  }

  @Access(SUPPORT)
  @Query(() => Boolean, {
    description: 'Whether the contact is a designated contact of that customer (false for unknown ids or another customer’s contact).',
  })
  isDesignatedContact(@Arg('customerId', () => ID) customerId: string, @Arg('contactId', () => ID) contactId: string): Promise<boolean> {
    return this.contacts.isDesignated(customerId, contactId);
  }

  @Access(SUPPORT)
  @Query(() => [Contact], {
    description: 'Contacts with this e-mail address (up to 254 characters), across customers: how a received mail finds its sender.',
  })
  contactsByEmail(@Arg('email', () => String) email: string): Promise<Contact[]> {
    if (email.length > 254) throw badUserInput('email must be at most 254 characters', 'email');
    return this.contacts.findByEmail(email);
  }

  @Access(SUPPORT, 'CUSTOMER_ADMIN')
  @Mutation(() => Contact)
  addContact(@Arg('input', () => AddContactInput) input: AddContactInput): Promise<Contact> {
    return this.contacts.add(input);
  }

  @Access(SUPPORT, 'CUSTOMER_ADMIN')
  @Mutation(() => Contact, { description: 'Grants or withdraws the right to contact support.' })
  setContactDesignation(
    @Arg('contactId', () => ID) contactId: string,
    @Arg('designated', () => Boolean) designated: boolean,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<Contact> {
    return this.contacts.setDesignated(principal, contactId, designated);
  }

  @FieldResolver(() => Customer)
  customer(@Root() contact: Contact): Promise<Customer> {
    return this.customers.getById(contact.customerId);
  }
}
