import { registerEnumType } from 'type-graphql';

/** Product families the service description treats differently (personal devices: 3-year replacement limit). */
export enum ProductType {
  PERSONAL = 'PERSONAL',
  ROOM = 'ROOM',
  PHONE = 'PHONE',
}

registerEnumType(ProductType, { name: 'ProductType' });
