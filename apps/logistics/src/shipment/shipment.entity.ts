import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ShipmentStatus } from './shipment-status';

@ObjectType('Shipment', { description: 'The carrier shipment of a replacement order.' })
@Entity('shipment')
@Index('UQ_shipment_tracking', ['carrier', 'trackingNumber'], { unique: true })
export class Shipment {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('UQ_shipment_order', { unique: true })
  @Column('char', { length: 36 })
  orderId: string;

  @Field(() => String)
  @Column('varchar', { length: 40 })
  carrier: string;

  @Field(() => String)
  @Column('varchar', { length: 64 })
  trackingNumber: string;

  /** The replacement part's own serial number: its warranty is looked up by it. */
  @Field(() => String)
  @Index('IDX_shipment_part_serial')
  @Column('varchar', { length: 64 })
  partSerialNumber: string;

  @Field(() => ShipmentStatus)
  @Column('varchar', { length: 16, default: ShipmentStatus.CREATED })
  status: ShipmentStatus;

  @Field(() => String, { description: 'Date the part shipped (yyyy-mm-dd): its 90-day warranty runs from here.' })
  @Column('date')
  shippedOn: string;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  deliveredAt: Date | null;
}
