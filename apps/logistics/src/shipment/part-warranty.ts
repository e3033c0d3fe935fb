import { Field, ObjectType } from 'type-graphql';

@ObjectType('PartWarranty', { description: 'A replacement part’s warranty: 90 days from shipment.' })
export class PartWarranty {
  @Field(() => String)
  partSerialNumber: string;

  @Field(() => String)
  shippedOn: string;

  @Field(() => String, { description: 'Last day covered (yyyy-mm-dd).' })
  warrantyEnd: string;

  @Field(() => Boolean)
  underWarranty: boolean;
}
