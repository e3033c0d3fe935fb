import { Field, Int, ObjectType } from 'type-graphql';
import { Device } from '../device.entity';

export type RowProblem = 'INVALID_SERIAL_NUMBER' | 'UNKNOWN_PRODUCT' | 'DUPLICATE_IN_REQUEST' | 'ALREADY_REGISTERED' | 'UNREADABLE_LINE';

/** One bad row, reported in the error's `extensions.rows` (nothing of the batch is written). */
export type RowError = {
  row: number;
  serialNumber: string;
  field: 'serialNumber' | 'productModel' | 'line';
  problem: RowProblem;
  message: string;
};

@ObjectType('BulkRegistrationResult', {
  description: 'Every row registered (a bad row fails the whole batch with extensions.rows instead).',
})
export class BulkRegistrationResult {
  @Field(() => Int)
  registeredCount: number;

  @Field(() => [Device])
  devices: Device[];
}
