import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';

const LOOKUP_CHUNK = 200;

// Federation's own look-up by key: null for an id nobody owns.
export const CUSTOMER_ENTITIES = serviceDocument<
  { _entities: ({ id: string } | null)[] },
  { representations: { __typename: 'Customer'; id: string }[] }
>('customers', 'query Customers($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id } } }');

/** Asks the customers subgraph (it owns customers) which of some ids name no customer. */
export class CustomerRegistry {
  constructor(private readonly customers: SubgraphClient) {}

  async unknownOf(customerIds: string[]): Promise<string[]> {
    const unknown: string[] = [];
    for (let i = 0; i < customerIds.length; i += LOOKUP_CHUNK) {
      const chunk = customerIds.slice(i, i + LOOKUP_CHUNK);
      // One request per chunk.
      const { _entities: found } = await sendDocument(this.customers, CUSTOMER_ENTITIES, {
        representations: chunk.map((id) => ({ __typename: 'Customer' as const, id })),
      });
      chunk.forEach((id, index) => {
        if (!found[index]) unknown.push(id);
      });
    }
    return unknown;
  }
}
