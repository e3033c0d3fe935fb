import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An update held for a contact's daily digest: one per (event, contact), UNIQUE like a mail.
 * `deliveryId` is set, once, by the digest mail that carries it.
 */
@Entity('digest_entry')
@Index('UQ_digest_entry_event_contact', ['eventId', 'contactId'], { unique: true })
@Index('IDX_digest_entry_due', ['deliveryId', 'dueAt'])
@Index('IDX_digest_entry_contact', ['contactId', 'deliveryId'])
export class DigestEntry {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('varchar', { length: 80 })
  eventId: string;

  @Column('char', { length: 36 })
  contactId: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Column('varchar', { length: 32 })
  kind: string;

  /** JSON Notice. */
  @Column('mediumtext')
  notice: string;

  @Column('varchar', { length: 64 })
  timeZone: string;

  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  /** The digest hour after the event's local day. */
  @Column('datetime', { precision: 3 })
  dueAt: Date;

  @Column('char', { length: 36, nullable: true })
  deliveryId: string | null;
}
