import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DATE_COLUMN } from '../shared/date-column';
import { decimalNumber } from '../shared/decimal-number';

@ObjectType('ServiceDiscount', {
  description: 'A discount on a selected professional service, for customers with a current Poly+ contract.',
})
@Entity('service_discount')
export class ServiceDiscount {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String, { description: 'Code of the professional service, e.g. PS-ROOM-DESIGN.' })
  @Index('UQ_service_discount_code', { unique: true })
  @Column('varchar', { length: 32 })
  serviceCode: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  serviceName: string;

  @Field(() => Float)
  @Column('decimal', { precision: 5, scale: 2, transformer: decimalNumber })
  percentOff: number;

  @Field(() => String, { description: 'First day the offer applies, yyyy-mm-dd.' })
  @Column(DATE_COLUMN)
  validFrom: string;

  @Field(() => String, { nullable: true, description: 'Last day the offer applies; open-ended when null.' })
  @Column({ ...DATE_COLUMN, nullable: true, default: null })
  validUntil: string | null;
}
