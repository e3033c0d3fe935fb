import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, MaxLength } from 'class-validator';
import { MAX_DEVICES_PER_BATCH, MAX_SERIAL_LIST_LINE } from './register-devices.input';
import { IdField } from './id-field';

@InputType({ description: 'A serial-number list a customer sent by email because it cannot use Poly Lens.' })
export class ImportSerialListInput {
  @IdField()
  customerId: string;

  @IdField()
  siteId: string;

  @Field(() => [String], {
    description: `Lines "SERIAL,MODEL" (comma, semicolon or tab), each up to ${MAX_SERIAL_LIST_LINE} characters; blank lines, # comments and a header line are skipped.`,
  })
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DEVICES_PER_BATCH)
  @MaxLength(MAX_SERIAL_LIST_LINE, { each: true })
  lines: string[];
}
