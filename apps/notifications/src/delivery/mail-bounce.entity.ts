import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type BounceKind = 'HARD' | 'SOFT';
export type BounceSource = 'SMTP' | 'DSN';

/** A mail refused for an address. An uncleared HARD bounce stops all mail to that address. */
@Entity('mail_bounce')
@Index('IDX_mail_bounce_email', ['email', 'kind', 'clearedAt'])
export class MailBounce {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 8 })
  kind: BounceKind;

  /** SMTP: the relay refused it while sending; DSN: a delivery status report came back. */
  @Column('varchar', { length: 8 })
  source: BounceSource;

  @Column('varchar', { length: 500 })
  diagnostic: string;

  @Column('char', { length: 36, nullable: true })
  deliveryId: string | null;

  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  @Column('datetime', { precision: 3, nullable: true })
  clearedAt: Date | null;

  @Column('varchar', { length: 100, nullable: true })
  clearedBy: string | null;
}
