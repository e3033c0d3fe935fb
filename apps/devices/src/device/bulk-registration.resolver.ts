import { Arg, Mutation, Resolver } from 'type-graphql';
import { badUserInput, Access, CUSTOMER_USERS, SUPPORT } from '@polyplus/subgraph-kit';
import { BulkRegistrationService } from './bulk-registration.service';
import { BulkRegistrationResult } from './dto/bulk-registration.result';
import { RegisterDevicesInput } from './dto/register-devices.input';
import { ImportSerialListInput } from './dto/import-serial-list.input';
import { RegistrationChannel } from './registration-channel';
import { parseSerialList } from './serial-list';

@Resolver()
export class BulkRegistrationResolver {
  constructor(private readonly registration: BulkRegistrationService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => BulkRegistrationResult, {
    description: 'Registers many devices at one site: all rows or none; bad rows are listed in the error’s extensions.rows.',
  })
  async registerDevices(@Arg('input', () => RegisterDevicesInput) input: RegisterDevicesInput): Promise<BulkRegistrationResult> {
    const rows = input.devices.map((device, index) => ({ row: index + 1, ...device }));
    const devices = await this.registration.register({
      customerId: input.customerId,
      siteId: input.siteId,
      rows,
      channel: RegistrationChannel.POLY_LENS,
    });
    return { registeredCount: devices.length, devices };
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => BulkRegistrationResult, {
    description: 'Registers a serial-number list a customer sent by email (no Poly Lens); rows are numbered by line.',
  })
  async importSerialList(@Arg('input', () => ImportSerialListInput) input: ImportSerialListInput): Promise<BulkRegistrationResult> {
    const { rows, errors } = parseSerialList(input.lines);
    if (rows.length === 0 && errors.length === 0) throw badUserInput('The list holds no serial numbers', 'lines');
    const devices = await this.registration.register({
      customerId: input.customerId,
      siteId: input.siteId,
      rows,
      channel: RegistrationChannel.SERIAL_LIST_IMPORT,
      earlierErrors: errors,
    });
    return { registeredCount: devices.length, devices };
  }
}
