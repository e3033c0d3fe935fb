import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsByteLength, IsEnum, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank, IsPlausibleInstant } from '@polyplus/subgraph-kit';
import { SecurityNoticeKind, SecurityNoticeSeverity } from '../security-notice-enums';

export const MAX_AFFECTED_CUSTOMERS = 1_000;
export const MAX_SUMMARY_LENGTH = 10_000;
// security_notice.summary is a TEXT column: 65,535 bytes of UTF-8.
const MAX_SUMMARY_BYTES = 65_535;

@InputType()
export class RecordSecurityNoticeInput {
  @Field(() => SecurityNoticeKind)
  @IsEnum(SecurityNoticeKind)
  kind: SecurityNoticeKind;

  @Field(() => SecurityNoticeSeverity)
  @IsEnum(SecurityNoticeSeverity)
  severity: SecurityNoticeSeverity;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @Field(() => String, { description: `Up to ${MAX_SUMMARY_LENGTH.toLocaleString('en')} characters.` })
  @IsNotBlank()
  @MaxLength(MAX_SUMMARY_LENGTH)
  @IsByteLength(0, MAX_SUMMARY_BYTES, { message: `summary must be at most ${MAX_SUMMARY_BYTES} bytes of UTF-8` })
  summary: string;

  @Field(() => Date, { description: 'When the incident was identified; not in the future.' })
  @IsPlausibleInstant()
  detectedAt: Date;

  @Field(() => [ID], { description: `The customers it affects: 1 to ${MAX_AFFECTED_CUSTOMERS.toLocaleString('en')}, each once.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_AFFECTED_CUSTOMERS)
  @ArrayUnique((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id), {
    message: 'affectedCustomerIds must name each customer once',
  })
  @IsUUID('all', { each: true })
  affectedCustomerIds: string[];
}
