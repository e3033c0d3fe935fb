import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Device', { description: 'A registered Poly product at a customer site.' })
@Entity('device')
export class Device {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String, { description: 'Unique across all customers.' })
  @Index('UQ_device_serial_number', { unique: true })
  @Column('varchar', { length: 32 })
  serialNumber: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  productModel: string;

  @Index('IDX_device_customer')
  @Column('char', { length: 36 })
  customerId: string;

  @Column('char', { length: 36 })
  siteId: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  registeredAt: Date;
}
