import { registerEnumType } from 'type-graphql';

/** Options bought on top of Poly+ (service description: "available to be purchased separately"). */
export enum ContractOption {
  ONSITE = 'ONSITE',
}

registerEnumType(ContractOption, { name: 'ContractOption', description: 'An option purchased on top of the Poly+ service.' });

export const CONTRACT_OPTIONS = Object.values(ContractOption);
