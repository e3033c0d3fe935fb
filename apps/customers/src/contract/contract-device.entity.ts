import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Contract } from './contract.entity';

/** A device (owned by the devices subgraph, known here only by id) covered by a contract. */
@Entity('contract_device')
@Index('IDX_contract_device_device', ['deviceId'])
export class ContractDevice {
  @PrimaryColumn('char', { length: 36 })
  contractId: string;

  @PrimaryColumn('char', { length: 36 })
  deviceId: string;

  @ManyToOne(() => Contract, (contract) => contract.coveredDevices, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contractId', foreignKeyConstraintName: 'FK_contract_device_contract' })
  contract: Relation<Contract>;
}
