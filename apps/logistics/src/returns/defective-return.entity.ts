import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { DefectiveReturnStatus } from './defective-return-status';

@ObjectType('DefectiveReturn', { description: 'The failed part the customer owes back after a replacement.' })
@Entity('defective_return')
export class DefectiveReturn {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Index('UQ_defective_return_order', { unique: true })
  @Column('char', { length: 36 })
  orderId: string;

  @Field(() => String, { description: 'Last business day (destination calendar) to get the part back.' })
  @Column('date')
  dueDate: string;

  @Field(() => Date, { description: 'From this instant the return is late and the part is invoiced.' })
  @Column('datetime', { precision: 3 })
  lateFrom: Date;

  @Field(() => DefectiveReturnStatus)
  @Column('varchar', { length: 16, default: DefectiveReturnStatus.EXPECTED })
  status: DefectiveReturnStatus;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  receivedAt: Date | null;
}
