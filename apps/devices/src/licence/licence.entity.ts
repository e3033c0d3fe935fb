import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Device } from '../device/device.entity';

@ObjectType('Licence', { description: 'A software licence of a registered device (Online Support Center: look up product licensing).' })
@Entity('licence')
@Index('IDX_licence_device', ['deviceId'])
export class Licence {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deviceId', foreignKeyConstraintName: 'FK_licence_device' })
  device: Relation<Device>;

  @Field(() => String, { description: 'What it unlocks, e.g. "Poly Lens premium features".' })
  @Column('varchar', { length: 100 })
  feature: string;

  @Field(() => String)
  @Index('UQ_licence_key', { unique: true })
  @Column('varchar', { length: 29 })
  licenceKey: string;

  @Field(() => String, { description: 'yyyy-mm-dd' })
  @Column({ type: 'date', utc: true })
  issuedOn: string;

  @Field(() => String, { nullable: true, description: 'Last valid day, yyyy-mm-dd; perpetual when null.' })
  @Column({ type: 'date', utc: true, nullable: true, default: null })
  expiresOn: string | null;
}
