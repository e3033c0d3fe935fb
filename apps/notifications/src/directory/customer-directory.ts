import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

export type ContactRole = 'ADMIN' | 'TECHNICIAN';

export type DirectoryContact = { id: string; customerId: string; email: string; name: string; role: ContactRole; designated: boolean };

export type DirectorySite = { id: string; name: string; timeZone: string; countryCode: string };

export type DirectoryCustomer = { id: string; name: string; contacts: DirectoryContact[]; sites: DirectorySite[] };

type CustomerReply = {
  id: string;
  name: string;
  contacts: Omit<DirectoryContact, 'customerId'>[];
  sites: DirectorySite[];
};

type ContactReply = Omit<DirectoryContact, 'customerId'> & { customer: { id: string } };

export const CUSTOMER_AUDIENCE = serviceDocument<{ customer: CustomerReply | null }, { id: string }>(
  'customers',
  'query CustomerAudience($id: ID!) { customer(id: $id) { id name contacts { id email name role designated } sites { id name timeZone countryCode } } }',
);

export const CONTACT = serviceDocument<{ contact: ContactReply | null }, { id: string }>(
  'customers',
  'query Contact($id: ID!) { contact(id: $id) { id email name role designated customer { id } } }',
);

// Federation's own look-up by key: one request (and one query in the customers subgraph) for many contacts.
export const CONTACT_ENTITIES = serviceDocument<
  { _entities: (ContactReply | null)[] },
  { representations: { __typename: 'Contact'; id: string }[] }
>(
  'customers',
  'query ContactEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Contact { id email name role designated customer { id } } } }',
);

export const CONTACTS_BY_EMAIL = serviceDocument<{ contactsByEmail: ContactReply[] }, { email: string }>(
  'customers',
  'query ContactsByEmail($email: String!) { contactsByEmail(email: $email) { id email name role designated customer { id } } }',
);

export const SITE = serviceDocument<{ site: DirectorySite | null }, { id: string }>(
  'customers',
  'query Site($id: ID!) { site(id: $id) { id name timeZone countryCode } }',
);

export const ALL_CUSTOMERS = serviceDocument<{ customers: { id: string }[] }>('customers', 'query AllCustomers { customers { id } }');

const toContact = (reply: ContactReply): DirectoryContact => ({
  id: reply.id,
  customerId: reply.customer.id,
  email: reply.email,
  name: reply.name,
  role: reply.role,
  designated: reply.designated,
});

/** What the notifications service asks the customers subgraph (as a service): contacts and sites. */
export class CustomerDirectory {
  constructor(private readonly customers: SubgraphClient) {}

  async customer(customerId: string): Promise<DirectoryCustomer | null> {
    const { customer: reply } = await sendDocument(this.customers, CUSTOMER_AUDIENCE, { id: customerId });
    if (!reply) return null;
    return {
      id: reply.id,
      name: reply.name,
      contacts: reply.contacts.map((contact) => ({ ...contact, customerId: reply.id })),
      sites: reply.sites,
    };
  }

  async contact(contactId: string): Promise<DirectoryContact | null> {
    const { contact: reply } = await sendDocument(this.customers, CONTACT, { id: contactId });
    return reply ? toContact(reply) : null;
  }

  /** The contacts among `contactIds` that exist, in one request. */
  async contacts(contactIds: string[]): Promise<DirectoryContact[]> {
    if (contactIds.length === 0) return [];
    const { _entities: found } = await sendDocument(this.customers, CONTACT_ENTITIES, {
      representations: contactIds.map((id) => ({ __typename: 'Contact' as const, id })),
    });
    return found.flatMap((reply) => (reply ? [toContact(reply)] : []));
  }

  /** Every contact with this address, across customers (a person may be a contact of two). */
  async contactsByEmail(email: string): Promise<DirectoryContact[]> {
    const data = await sendDocument(this.customers, CONTACTS_BY_EMAIL, { email });
    return data.contactsByEmail.map(toContact);
  }

  async site(siteId: string): Promise<DirectorySite | null> {
    const { site } = await sendDocument(this.customers, SITE, { id: siteId });
    return site ?? null;
  }

  /** Every customer's id: the audience of a security notice that names none. */
  async allCustomerIds(): Promise<string[]> {
    const data = await sendDocument(this.customers, ALL_CUSTOMERS, {});
    return data.customers.map((customer) => customer.id);
  }
}
