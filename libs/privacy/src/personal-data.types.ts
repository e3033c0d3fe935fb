import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { ACTOR_MAX_LENGTH } from '@polyplus/auth';

/** The most case ids one export request names (a contact's cases, for services that know cases only by id). */
export const MAX_SUBJECT_INCIDENTS = 500;

@InputType('PersonalDataSubjectInput', { description: 'Whose personal data a service exports: a customer, or one of its contacts.' })
export class PersonalDataSubjectInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'The contact, for a contact’s export; omitted for the whole customer’s.' })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The contact’s e-mail address (records name a contact by it), up to 254 characters.',
  })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `The contact’s cases, up to ${MAX_SUBJECT_INCIDENTS}, for services that know cases only by id.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SUBJECT_INCIDENTS)
  @IsUUID('all', { each: true })
  incidentIds?: string[] | null;
}

@InputType('ErasureSubjectInput', { description: 'The contact whose personal data a service erases: the values to find, and who asked.' })
export class ErasureSubjectInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID)
  @IsUUID()
  contactId: string;

  @Field(() => String, { description: 'Up to 254 characters.' })
  @IsNotBlank()
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { description: '`<ROLE>:<subject>` of the support engineer who asked, up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(ACTOR_MAX_LENGTH)
  erasedBy: string;
}

@Directive('@shareable')
@ObjectType('PersonalDataRecord', { description: 'One record of an export: its section and the record as JSON.' })
export class PersonalDataRecord {
  @Field(() => String)
  section: string;

  @Field(() => String, { description: 'The record, a JSON object.' })
  data: string;
}

@Directive('@shareable')
@ObjectType('PersonalDataPage', { description: 'A page of a service’s export, and the cursor of the next (null after the last).' })
export class PersonalDataPage {
  @Field(() => [PersonalDataRecord])
  records: PersonalDataRecord[];

  @Field(() => String, { nullable: true })
  next: string | null;
}

@Directive('@shareable')
@ObjectType('PersonalDataErasure', { description: 'What a service changed erasing a contact; zero when it had been erased already.' })
export class PersonalDataErasure {
  @Field(() => Int)
  changedRows: number;

  @Field(() => Int)
  deletedFiles: number;
}
