import { Arg, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
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

  @Query(() => Contact, { nullable: true })
  contact(@Arg('id', () => ID) id: string): Promise<Contact | null> {
    return this.contacts.findById(id);
  }

  @Query(() => Boolean, { description: 'Whether the contact is a designated contact of that customer (false for unknown ids or another customer’s contact).' })
  isDesignatedContact(@Arg('customerId', () => ID) customerId: string, @Arg('contactId', () => ID) contactId: string): Promise<boolean> {
    return this.contacts.isDesignated(customerId, contactId);
  }

  @Mutation(() => Contact)
  addContact(@Arg('input', () => AddContactInput) input: AddContactInput): Promise<Contact> {
    return this.contacts.add(input);
  }

  @Mutation(() => Contact, { description: 'Grants or withdraws the right to contact support.' })
  setContactDesignation(@Arg('contactId', () => ID) contactId: string, @Arg('designated', () => Boolean) designated: boolean): Promise<Contact> {
    return this.contacts.setDesignated(contactId, designated);
  }

  @FieldResolver(() => Customer)
  customer(@Root() contact: Contact): Promise<Customer> {
    return this.customers.getById(contact.customerId);
  }
}
