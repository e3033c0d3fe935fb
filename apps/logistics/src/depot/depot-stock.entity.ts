import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('depot_stock')
export class DepotStock {
  @PrimaryColumn('char', { length: 36 })
  depotId: string;

  @PrimaryColumn('char', { length: 36 })
  partId: string;

  @Column('int', { unsigned: true })
  quantity: number;
}
