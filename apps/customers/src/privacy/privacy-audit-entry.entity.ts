import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what with personal data, and why: legal holds set and released, exports, erasures. Rows
 * are only ever inserted and name subjects by id only, never by their personal data.
 */
@Entity('privacy_audit_entry')
@Index('IDX_privacy_audit_entry_customer', ['customerId', 'sequence'])
export class PrivacyAuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', unsigned: true })
  sequence: string;

  @Column('datetime', { precision: 3 })
  at: Date;

  @Column('varchar', { length: 100 })
  actor: string;

  @Column('varchar', { length: 40 })
  action: string;

  @Column('char', { length: 36 })
  customerId: string;

  @Column('char', { length: 36, nullable: true, default: null })
  contactId: string | null;

  @Column('varchar', { length: 500 })
  reason: string;
}
