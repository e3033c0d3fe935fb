import { fetchById, type SubgraphClient } from '@polyplus/subgraph-kit';

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

const CONTACT_FIELDS = 'id email name role designated customer { id }';

type ContactReply = Omit<DirectoryContact, 'customerId'> & { customer: { id: string } };

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
    const reply = await fetchById<CustomerReply>(this.customers, 'customer', customerId, 'id name contacts { id email name role designated } sites { id name timeZone countryCode }');
    if (!reply) return null;
    return { id: reply.id, name: reply.name, contacts: reply.contacts.map((contact) => ({ ...contact, customerId: reply.id })), sites: reply.sites };
  }

  async contact(contactId: string): Promise<DirectoryContact | null> {
    const reply = await fetchById<ContactReply>(this.customers, 'contact', contactId, CONTACT_FIELDS);
    return reply ? toContact(reply) : null;
  }

  /** Every contact with this address, across customers (a person may be a contact of two). */
  async contactsByEmail(email: string): Promise<DirectoryContact[]> {
    const data = await this.customers.request<{ contactsByEmail: ContactReply[] }>(
      `query ContactsByEmail($email: String!) { contactsByEmail(email: $email) { ${CONTACT_FIELDS} } }`,
      { email },
    );
    return data.contactsByEmail.map(toContact);
  }

  async site(siteId: string): Promise<DirectorySite | null> {
    return fetchById<DirectorySite>(this.customers, 'site', siteId, 'id name timeZone countryCode');
  }

  /** Every customer's id: the audience of a security notice that names none. */
  async allCustomerIds(): Promise<string[]> {
    const data = await this.customers.request<{ customers: { id: string }[] }>('query AllCustomers { customers { id } }');
    return data.customers.map((customer) => customer.id);
  }
}
