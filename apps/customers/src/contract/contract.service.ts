import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { badUserInput, conflict, notFound, type PremiumFeature } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Customer } from '../customer/customer.entity';
import { isIsoDate } from '../shared/iso-date';
import { Contract } from './contract.entity';
import { ContractDevice } from './contract-device.entity';
import type { CoveragePeriod, DeviceCoverage } from './device-coverage.type';
import type { CreateContractInput } from './dto/create-contract.input';
import type { CoverDevicesInput } from './dto/cover-devices.input';
import type { DeviceDirectory } from './device-directory';

const INSERT_CHUNK = 500;

function assertTerm(startsOn: string, endsOn: string): void {
  if (!isIsoDate(startsOn)) throw badUserInput(`startsOn ${startsOn} is not a calendar date`, 'startsOn');
  if (!isIsoDate(endsOn)) throw badUserInput(`endsOn ${endsOn} is not a calendar date`, 'endsOn');
  // ISO dates order like strings.
  if (endsOn < startsOn) throw badUserInput(`endsOn ${endsOn} is before startsOn ${startsOn}`, 'endsOn');
}

export class ContractService {
  private readonly contracts: Repository<Contract>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly devices: DeviceDirectory,
  ) {
    this.contracts = dataSource.getRepository(Contract);
  }

  /** The contract and its covered devices in one transaction: all or nothing. */
  async create(input: CreateContractInput): Promise<Contract> {
    assertTerm(input.startsOn, input.endsOn);
    const deviceIds = [...new Set(input.deviceIds ?? [])];
    if (!(await this.dataSource.getRepository(Customer).existsBy({ id: input.customerId }))) throw notFound('Customer', input.customerId);
    await this.devices.assertDevicesOfCustomer(deviceIds, input.customerId);
    return this.dataSource.transaction(async (manager) => {
      const customer = await manager.findOne(Customer, { where: { id: input.customerId }, lock: { mode: 'pessimistic_write' } });
      if (!customer) throw notFound('Customer', input.customerId);
      const contract = manager.create(Contract, {
        id: randomUUID(),
        customerId: input.customerId,
        reference: input.reference,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        options: input.options ?? [],
        premiumFeatures: input.premiumFeatures ?? [],
      });
      try {
        await manager.insert(Contract, contract);
      } catch (error) {
        if (isDuplicateEntry(error)) throw conflict(`Contract ${input.reference} already exists`);
        throw error;
      }
      await this.insertCoverage(manager, contract.id, deviceIds);
      return (await manager.findOneBy(Contract, { id: contract.id })) as Contract;
    });
  }

  /** Adds devices to a contract; devices it already covers are left as they are. */
  async coverDevices(input: CoverDevicesInput): Promise<Contract> {
    const contract = await this.getById(input.contractId);
    const deviceIds = [...new Set(input.deviceIds)];
    await this.devices.assertDevicesOfCustomer(deviceIds, contract.customerId);
    await this.dataSource.transaction((manager) => this.insertCoverage(manager, contract.id, deviceIds));
    return contract;
  }

  /** Replaces the premium features a contract entitles. */
  async setPremiumFeatures(contractId: string, features: PremiumFeature[]): Promise<Contract> {
    const contract = await this.getById(contractId);
    await this.contracts.update({ id: contract.id }, { premiumFeatures: [...new Set(features)] });
    return this.getById(contractId);
  }

  private async insertCoverage(manager: EntityManager, contractId: string, deviceIds: string[]): Promise<void> {
    for (let i = 0; i < deviceIds.length; i += INSERT_CHUNK) {
      const rows = deviceIds.slice(i, i + INSERT_CHUNK).map((deviceId) => ({ contractId, deviceId }));
      // The composite primary key is the only thing that can collide: a device already covered.
      await manager.createQueryBuilder().insert().into(ContractDevice).values(rows).orIgnore().execute();
    }
  }

  findById(id: string): Promise<Contract | null> {
    return this.contracts.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Contract[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.contracts.findBy({ id: In(ids) });
  }

  async getById(id: string): Promise<Contract> {
    const contract = await this.findById(id);
    if (!contract) throw notFound('Contract', id);
    return contract;
  }

  listForCustomer(customerId: string): Promise<Contract[]> {
    return this.contracts.find({ where: { customerId }, order: { startsOn: 'ASC', reference: 'ASC' } });
  }

  async coveredDeviceIds(contractId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(ContractDevice).find({ where: { contractId }, order: { deviceId: 'ASC' } });
    return rows.map((row) => row.deviceId);
  }

  /** Contracts in force on a date (inclusive term). */
  currentOn(customerId: string, on: string): Promise<Contract[]> {
    return this.contracts
      .createQueryBuilder('contract')
      .where('contract.customerId = :customerId AND contract.startsOn <= :on AND contract.endsOn >= :on', { customerId, on })
      .orderBy('contract.endsOn', 'DESC')
      .getMany();
  }

  /** Every period of every contract that covers each device, in one query. */
  async coverageOf(deviceIds: string[]): Promise<DeviceCoverage[]> {
    const unique = [...new Set(deviceIds)];
    if (unique.length === 0) return [];
    const links = await this.dataSource
      .getRepository(ContractDevice)
      .find({ where: { deviceId: In(unique) }, relations: { contract: true } });
    const byDevice = new Map<string, CoveragePeriod[]>(unique.map((id) => [id, []]));
    for (const { deviceId, contract } of links) {
      byDevice.get(deviceId)?.push({
        contractId: contract.id,
        reference: contract.reference,
        startsOn: contract.startsOn,
        endsOn: contract.endsOn,
        options: contract.options,
        premiumFeatures: contract.premiumFeatures,
      });
    }
    return unique.map((deviceId) => ({
      deviceId,
      periods: (byDevice.get(deviceId) ?? []).sort((a, b) => a.startsOn.localeCompare(b.startsOn)),
    }));
  }
}
