import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last visit window customers were told about: tells a new plan from a move, and a move from a no-op. */
@Entity('visit_notice_state')
export class VisitNoticeState {
  @PrimaryColumn('char', { length: 36 })
  visitId: string;

  @Column('datetime', { precision: 3, nullable: true })
  windowStart: Date | null;

  @Column('datetime', { precision: 3, nullable: true })
  windowEnd: Date | null;

  @Column('varchar', { length: 24 })
  status: string;

  @Column('datetime', { precision: 3 })
  updatedAt: Date;
}
