import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { DomainError } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Device } from './device.entity';
import { RegistrationChannel } from './registration-channel';
import { SERIAL_NUMBER_PATTERN, SERIAL_NUMBER_RULE, normaliseSerialNumber } from './serial-number';
import type { RowError } from './dto/bulk-registration.result';
import type { CustomerDirectory } from './customer-directory';
import type { ProductService } from '../product/product.service';

/** A row to register; `row` is what the report names (1-based index or the line of an imported list). */
export type RegistrationRow = { row: number; serialNumber: string; productModel: string };

export type BulkRegistration = {
  customerId: string;
  siteId: string;
  rows: RegistrationRow[];
  channel: RegistrationChannel;
  /** Problems found before the rows were checked (unreadable lines of an imported list). */
  earlierErrors?: RowError[];
};

const CHUNK = 500;

function rowsError(errors: RowError[]): DomainError {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  // Only duplicates of existing registrations: the rows are fine, the registry disagrees.
  const code = sorted.every((error) => error.problem === 'ALREADY_REGISTERED') ? 'CONFLICT' : 'BAD_USER_INPUT';
  const rows = sorted
    .map((error) => error.row)
    .slice(0, 20)
    .join(', ');
  return new DomainError(code, `${sorted.length} row(s) cannot be registered (rows ${rows}); nothing was registered`, {
    field: 'devices',
    rows: sorted,
  });
}

/** Many serial numbers in one transaction: all are registered, or none and every bad row is reported. */
export class BulkRegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: CustomerDirectory,
    private readonly products: ProductService,
  ) {}

  async register(batch: BulkRegistration): Promise<Device[]> {
    await this.directory.assertSiteOfCustomer(batch.siteId, batch.customerId);
    const rows = batch.rows.map((row) => ({
      ...row,
      serialNumber: normaliseSerialNumber(row.serialNumber),
      productModel: row.productModel.trim(),
    }));
    const errors: RowError[] = [...(batch.earlierErrors ?? []), ...(await this.problemsOf(rows))];
    if (errors.length > 0) throw rowsError(errors);
    const productIds = await this.products.byModels(rows.map((row) => row.productModel));
    const devices = rows.map((row) => ({
      id: randomUUID(),
      serialNumber: row.serialNumber,
      productId: productIds.get(row.productModel)!.id,
      customerId: batch.customerId,
      siteId: batch.siteId,
      registrationChannel: batch.channel,
    }));
    try {
      await this.dataSource.transaction(async (manager) => {
        for (let i = 0; i < devices.length; i += CHUNK) await manager.insert(Device, devices.slice(i, i + CHUNK));
      });
    } catch (error) {
      // Registered by someone else between our check and the insert: the UNIQUE index has the last word.
      if (isDuplicateEntry(error)) throw rowsError(await this.alreadyRegistered(rows));
      throw error;
    }
    return this.dataSource.getRepository(Device).find({ where: { id: In(devices.map((d) => d.id)) }, order: { serialNumber: 'ASC' } });
  }

  private async problemsOf(rows: RegistrationRow[]): Promise<RowError[]> {
    const errors: RowError[] = [];
    const products = await this.products.byModels(rows.map((row) => row.productModel));
    const firstRowOf = new Map<string, number>();
    for (const { row, serialNumber, productModel } of rows) {
      if (!SERIAL_NUMBER_PATTERN.test(serialNumber)) {
        errors.push({ row, serialNumber, field: 'serialNumber', problem: 'INVALID_SERIAL_NUMBER', message: SERIAL_NUMBER_RULE });
      } else if (firstRowOf.has(serialNumber)) {
        errors.push({
          row,
          serialNumber,
          field: 'serialNumber',
          problem: 'DUPLICATE_IN_REQUEST',
          message: `serialNumber repeats row ${firstRowOf.get(serialNumber)}`,
        });
      } else {
        firstRowOf.set(serialNumber, row);
      }
      if (!products.has(productModel)) {
        errors.push({
          row,
          serialNumber,
          field: 'productModel',
          problem: 'UNKNOWN_PRODUCT',
          message: `Unknown product model ${productModel}`,
        });
      }
    }
    return [...errors, ...(await this.alreadyRegistered(rows))];
  }

  // For the report only: uniqueness itself is enforced by the index when inserting.
  private async alreadyRegistered(rows: RegistrationRow[]): Promise<RowError[]> {
    const valid = rows.filter((row) => SERIAL_NUMBER_PATTERN.test(row.serialNumber));
    const taken = new Set<string>();
    for (let i = 0; i < valid.length; i += CHUNK) {
      const serials = valid.slice(i, i + CHUNK).map((row) => row.serialNumber);
      const found = await this.dataSource
        .getRepository(Device)
        .find({ select: { serialNumber: true }, where: { serialNumber: In(serials) } });
      for (const device of found) taken.add(device.serialNumber);
    }
    const reported = new Set<string>();
    return valid
      .filter((row) => taken.has(row.serialNumber) && !reported.has(row.serialNumber) && reported.add(row.serialNumber))
      .map(({ row, serialNumber }) => ({
        row,
        serialNumber,
        field: 'serialNumber',
        problem: 'ALREADY_REGISTERED',
        message: `Serial number ${serialNumber} is already registered`,
      }));
  }
}
