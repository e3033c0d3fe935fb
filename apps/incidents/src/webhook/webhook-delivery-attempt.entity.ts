import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { WebhookAttemptOutcome } from './webhook-delivery-status';

/** The delivery log: one row per HTTP attempt (or per refusal to send). */
@ObjectType('WebhookDeliveryAttempt')
@Entity('webhook_delivery_attempt')
@Index('IDX_webhook_delivery_attempt_delivery', ['deliveryId', 'sequence'])
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Column('char', { length: 36 })
  deliveryId: string;

  @Field(() => Int, { description: '1 for the first attempt, 2 for the first retry...' })
  @Column('int', { unsigned: true })
  attempt: number;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  attemptedAt: Date;

  @Field(() => Int)
  @Column('int', { unsigned: true })
  durationMs: number;

  @Field(() => WebhookAttemptOutcome)
  @Column('varchar', { length: 10 })
  outcome: WebhookAttemptOutcome;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { unsigned: true, nullable: true, default: null })
  statusCode: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true, default: null })
  error: string | null;
}
