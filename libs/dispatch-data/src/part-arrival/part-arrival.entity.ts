import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When a replacement order's part is expected (or was delivered), as the latest logistics event
 * told: the visit for the order may not start before it. Each event moves it only if it is newer
 * than the one that set it (`asOf`), so replicas that apply an order's events in another order than
 * they were published still end at the latest, and an arrival heard before the visit exists is kept
 * for it.
 */
@Entity('part_arrival')
export class PartArrival {
  @PrimaryColumn('char', { length: 36 })
  replacementOrderId: string;

  /** Null while the part is back-ordered. */
  @Column('datetime', { precision: 3, nullable: true })
  expectedAt: Date | null;

  /** When the event that set `expectedAt` happened (its `occurredAt`). */
  @Column('datetime', { precision: 3 })
  asOf: Date;
}
