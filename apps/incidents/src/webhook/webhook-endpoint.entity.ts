import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WebhookEndpointStatus } from './webhook-endpoint-status';

/** Where a partner system wants signed event deliveries, and for which event types. */
@ObjectType('WebhookEndpoint')
@Entity('webhook_endpoint')
export class WebhookEndpoint {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String, { description: 'The partner system that registered the endpoint (its principal subject).' })
  @Index('IDX_webhook_endpoint_partner')
  @Column('varchar', { length: 100 })
  partnerId: string;

  @Field(() => String)
  @Column('varchar', { length: 2000 })
  url: string;

  @Field(() => [String], { description: 'Event types delivered to this endpoint (see `webhookEventTypes`).' })
  @Column('simple-json')
  eventTypes: string[];

  @Field(() => [ID], {
    description:
      'Customers whose events are delivered: those that had authorised the partner when it registered or last re-enabled the endpoint.',
  })
  @Column('simple-json')
  customerIds: string[];

  // The signing secrets never leave through the API after registration or rotation, and are stored
  // sealed with the platform keyring (`WebhookSecrets`): `enc:v1:<key id>:…`, never the secret itself.
  @Column('varchar', { length: 255 })
  secret: string;

  /** The secret before the last rotation (sealed), still signing until `previousSecretExpiresAt`. */
  @Column('varchar', { length: 255, nullable: true, default: null })
  previousSecret: string | null;

  @Field(() => Date, { nullable: true, description: 'Until when deliveries are also signed with the previous secret.' })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  previousSecretExpiresAt: Date | null;

  @Field(() => WebhookEndpointStatus)
  @Column('varchar', { length: 10 })
  status: WebhookEndpointStatus;

  @Field(() => Int, { description: 'Deliveries that failed after all their retries since the last accepted one.' })
  @Column('int', { unsigned: true, default: 0 })
  consecutiveFailures: number;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 300, nullable: true, default: null })
  disabledReason: string | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true, default: null })
  disabledAt: Date | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;
}
