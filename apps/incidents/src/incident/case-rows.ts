import { Column, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** The keys of a record customers add to a case (an attachment, a comment): its case and, for tenant checks, that case's customer. */
// Decorated so the subclasses' GraphQL types inherit its fields; never in the schema itself.
@ObjectType()
export abstract class CaseRecord {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Column('char', { length: 36 })
  customerId: string;
}

/** A line of a case's history (an audit entry, a severity change): only ever inserted, read in insertion order. */
@ObjectType()
export abstract class CaseHistoryLine {
  // Insertion order: several changes may share one millisecond.
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Column('char', { length: 36 })
  incidentId: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  at: Date;
}
