import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The customers subgraph's Contact, to which this subgraph adds its mail fields. The customer and
 * address come from the customers subgraph when the reference is resolved, never from the caller,
 * so tenant scoping rests on what customers says (a representation cannot claim another owner).
 */
@Directive('@key(fields: "id")')
@ObjectType('Contact')
export class ContactReference {
  @Field(() => ID)
  id: string;

  customerId: string;

  email: string;

  constructor(id: string, customerId: string, email: string) {
    this.id = id;
    this.customerId = customerId;
    this.email = email;
  }
}
