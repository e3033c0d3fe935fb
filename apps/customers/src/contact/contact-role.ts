import { registerEnumType } from 'type-graphql';

/** What a customer's contact does for the account; designation is separate (see Contact.designated). */
export enum ContactRole {
  ADMIN = 'ADMIN',
  TECHNICIAN = 'TECHNICIAN',
}

registerEnumType(ContactRole, { name: 'ContactRole' });
