import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which depots serve a destination country, tried in priority order (1 first). */
@Entity('depot_coverage')
export class DepotCoverage {
  @PrimaryColumn('char', { length: 2 })
  countryCode: string;

  @PrimaryColumn('char', { length: 36 })
  depotId: string;

  @Column('tinyint', { unsigned: true })
  priority: number;
}
