import { registerEnumType } from 'type-graphql';

/** Mirrors the customers subgraph's ContractOption (composition needs the same values in both). */
export enum ContractOption {
  ONSITE = 'ONSITE',
}

registerEnumType(ContractOption, { name: 'ContractOption', description: 'An option purchased on top of the Poly+ service.' });
