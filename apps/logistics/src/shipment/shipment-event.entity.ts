import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { ShipmentStatus } from './shipment-status';

/** One carrier or staff status report, kept as it came: the shipment's tracking history. */
@ObjectType('ShipmentEvent')
@Entity('shipment_event')
@Index('IDX_shipment_event_shipment_at', ['shipmentId', 'at'])
export class ShipmentEvent {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  shipmentId: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  at: Date;

  @Field(() => ShipmentStatus)
  @Column('varchar', { length: 16 })
  status: ShipmentStatus;

  @Field(() => Date, { nullable: true, description: 'A new estimated arrival the carrier announced with this event.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  eta: Date | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 300, nullable: true, default: null })
  note: string | null;
}
