import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One domain event waiting to be published, written in the same transaction as the change it
 * describes. Add it to a service's entities and generate a migration: each database owns its outbox.
 * `sequence` orders the drain; `id` (a UUID) is the event id consumers deduplicate by.
 */
@Entity('outbox_event')
@Index('IDX_outbox_event_unpublished', ['publishedAt', 'sequence'])
export class OutboxEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Index('UQ_outbox_event_id', { unique: true })
  @Column('char', { length: 36 })
  id: string;

  @Column('varchar', { length: 100 })
  topic: string;

  /** The aggregate the event is about (e.g. an incident id): consumers order and partition by it. */
  @Column('varchar', { length: 100 })
  aggregateKey: string;

  @Column('text')
  payload: string;

  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  @Column('datetime', { precision: 3, nullable: true, default: null })
  publishedAt: Date | null;

  /** W3C trace context of the change that wrote it (null when it was not traced): consumers' spans join that trace. */
  @Column('varchar', { length: 55, nullable: true, default: null })
  traceparent: string | null;
}
