import type { SubgraphClient } from '@polyplus/subgraph-kit';

const LOOKUP_CHUNK = 200;

/** Asks the customers subgraph (it owns customers) which of some ids name no customer. */
export class CustomerRegistry {
  constructor(private readonly customers: SubgraphClient) {}

  async unknownOf(customerIds: string[]): Promise<string[]> {
    const unknown: string[] = [];
    for (let i = 0; i < customerIds.length; i += LOOKUP_CHUNK) {
      const chunk = customerIds.slice(i, i + LOOKUP_CHUNK);
      // Federation's own look-up by key: one request per chunk, null for an id nobody owns.
      const { _entities: found } = await this.customers.request<{ _entities: ({ id: string } | null)[] }>(
        'query Customers($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id } } }',
        { representations: chunk.map((id) => ({ __typename: 'Customer', id })) },
      );
      chunk.forEach((id, index) => {
        if (!found[index]) unknown.push(id);
      });
    }
    return unknown;
  }
}
