import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Product } from '../product/product.entity';
import { RegistrationChannel } from './registration-channel';

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

  @Column('char', { length: 36 })
  productId: string;

  // Always needed (model, type, software): loaded with the device.
  @Field(() => Product)
  @ManyToOne(() => Product, { eager: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'productId', foreignKeyConstraintName: 'FK_device_product' })
  product: Relation<Product>;

  @Index('IDX_device_customer')
  @Column('char', { length: 36 })
  customerId: string;

  @Column('char', { length: 36 })
  siteId: string;

  @Field(() => String, { nullable: true, description: 'Software version last reported for the device.' })
  @Column('varchar', { length: 32, nullable: true, default: null })
  installedVersion: string | null;

  @Field(() => RegistrationChannel)
  @Column('varchar', { length: 24, default: RegistrationChannel.POLY_LENS })
  registrationChannel: RegistrationChannel;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  registeredAt: Date;
}
