import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { CloudPartner } from './cloud-partner';

/** A recorded verification of the customer's entitlement and term with a cloud partner. */
@ObjectType('PartnerEntitlementCheck')
@Entity('partner_entitlement_check')
@Index('IDX_partner_entitlement_check_incident', ['incidentId', 'checkedAt'])
export class PartnerEntitlementCheck {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => CloudPartner)
  @Column('varchar', { length: 30 })
  partner: CloudPartner;

  @Field(() => Boolean)
  @Column('boolean')
  entitled: boolean;

  @Field(() => String, { nullable: true, description: 'End of the customer’s term with the partner, yyyy-mm-dd.' })
  @Column('date', { nullable: true, default: null })
  termEndsOn: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true, default: null })
  reference: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  checkedAt: Date;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  checkedBy: string;
}
