import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Customer } from '../customer/customer.entity';
import { DATE_COLUMN } from '../shared/date-column';
import { ContractOption } from './contract-option';
import { ContractDevice } from './contract-device.entity';
import { PREMIUM_FEATURES, PremiumFeature } from '@polyplus/subgraph-kit';

const optionList = {
  to: (options: ContractOption[]) => [...new Set(options)].sort().join(','),
  from: (value: string) => (value ? (value.split(',') as ContractOption[]) : []),
};

const featureList = {
  to: (features: PremiumFeature[]) =>
    [...new Set(features)].sort((a, b) => PREMIUM_FEATURES.indexOf(a) - PREMIUM_FEATURES.indexOf(b)).join(','),
  from: (value: string) => (value ? (value.split(',') as PremiumFeature[]) : []),
};

@Directive('@key(fields: "id")')
@ObjectType('Contract', { description: 'A Poly+ contract: a term, the devices it covers and the options bought.' })
@Entity('contract')
@Index('IDX_contract_customer_term', ['customerId', 'startsOn', 'endsOn'])
export class Contract {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customerId', foreignKeyConstraintName: 'FK_contract_customer' })
  customer: Relation<Customer>;

  @Field(() => String, { description: 'The contract number printed on the order, unique.' })
  @Index('UQ_contract_reference', { unique: true })
  @Column('varchar', { length: 32 })
  reference: string;

  @Field(() => String, { description: 'First covered day, yyyy-mm-dd (inclusive, the site’s local date).' })
  @Column(DATE_COLUMN)
  startsOn: string;

  @Field(() => String, { description: 'Last covered day, yyyy-mm-dd (inclusive).' })
  @Column(DATE_COLUMN)
  endsOn: string;

  @Field(() => [ContractOption])
  @Column('varchar', { length: 200, default: '', transformer: optionList })
  options: ContractOption[];

  @Field(() => [PremiumFeature], { description: 'Premium Poly Lens features the contract entitles its covered devices to.' })
  @Column('varchar', { length: 200, default: '', transformer: featureList })
  premiumFeatures: PremiumFeature[];

  @OneToMany(() => ContractDevice, (covered) => covered.contract)
  coveredDevices: Relation<ContractDevice[]>;

  @Field(() => Date)
  @CreateDateColumn({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' })
  createdAt: Date;
}
