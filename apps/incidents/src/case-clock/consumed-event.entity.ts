import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event from another service this subgraph applied: stored with the effect, so a re-delivery changes nothing. */
@Entity('incident_consumed_event')
export class IncidentConsumedEvent {
  @PrimaryColumn('char', { length: 36 })
  eventId: string;

  @Column('varchar', { length: 64 })
  topic: string;

  @Column('datetime', { precision: 3 })
  consumedAt: Date;
}
