import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookDeliveryStatus } from './webhook-delivery-status';

/**
 * One event for one endpoint. The UNIQUE (endpoint, event) row is what makes a re-sent event or a
 * re-run job deliver at most once; `body` is stored so every retry sends the very same bytes.
 */
@ObjectType('WebhookDelivery')
@Entity('webhook_delivery')
@Index('UQ_webhook_delivery_endpoint_event', ['endpointId', 'eventId'], { unique: true })
@Index('IDX_webhook_delivery_endpoint_created', ['endpointId', 'createdAt'])
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => ID)
  @Column('char', { length: 36 })
  endpointId: string;

  @Field(() => ID, { description: 'The event’s id: the payload’s `id`.' })
  @Column('char', { length: 36 })
  eventId: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  eventType: string;

  @Field(() => String, { description: 'The `webhook-id` header of every attempt: `<endpointId>:<eventId>`; receivers deduplicate by it.' })
  @Column('varchar', { length: 80 })
  idempotencyKey: string;

  @Column('mediumtext')
  body: string;

  @Field(() => WebhookDeliveryStatus)
  @Column('varchar', { length: 10 })
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  @Column('int', { unsigned: true, default: 0 })
  attemptCount: number;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { unsigned: true, nullable: true, default: null })
  lastStatusCode: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 500, nullable: true, default: null })
  lastError: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next retry is due, while the delivery is pending after a failure.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  nextAttemptAt: Date | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  deliveredAt: Date | null;
}
