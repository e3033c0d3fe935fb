import { registerEnumType } from 'type-graphql';

/** How a device reached the registry (service description: Poly Lens, or serial numbers sent by email). */
export enum RegistrationChannel {
  POLY_LENS = 'POLY_LENS',
  SERIAL_LIST_IMPORT = 'SERIAL_LIST_IMPORT',
}

registerEnumType(RegistrationChannel, { name: 'RegistrationChannel' });
