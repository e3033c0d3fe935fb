import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access, IsNotBlank, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { ContactErasure } from './contact-erasure.entity';
import type { ContactErasureService } from './contact-erasure.service';
import type { PersonalDataExports } from './personal-data-exports';
import { MAX_REASON_LENGTH } from './privacy-reason';

@InputType({ description: 'Whose personal data to export — a customer, or one of its contacts — and why.' })
export class ExportPersonalDataInput {
  @Field(() => ID)
  @IsUUID()
  customerId: string;

  @Field(() => ID, { nullable: true, description: 'One of the customer’s contacts: only what concerns them. Omitted: the whole customer.' })
  @IsOptional()
  @IsUUID()
  contactId?: string | null;

  @Field(() => String, { description: 'Why (e.g. the data subject’s request), up to 500 characters; kept in the privacy audit trail.' })
  @IsNotBlank()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}

@ObjectType('PersonalDataExportLink', { description: 'Where to download the export: a GET with the same bearer token before `expiresAt`.' })
export class PersonalDataExportLink {
  @Field(() => String, {
    description:
      'A path on the gateway (absolute when the deployment sets FILES_PUBLIC_URL), for the caller who asked only. It answers one JSON document `{ format, exportedAt, subject, records: [{ service, section, data }], complete: true }`, streamed as each service answers; without `complete: true` it was cut short.',
  })
  downloadUrl: string;

  @Field(() => Date)
  expiresAt: Date;
}

/** Support staff's requests about a person's or a customer's personal data: exports and erasures, each audited. */
@Resolver()
export class PersonalDataRequestsResolver {
  constructor(
    private readonly exports: PersonalDataExports,
    private readonly erasures: ContactErasureService,
  ) {}

  @Access(SUPPORT)
  @Mutation(() => PersonalDataExportLink, {
    description:
      'Exports everything the product holds about a customer, or one of its contacts (customers, devices, cases, logistics, visits, mail), as JSON behind a short-lived link; the request and the download are audited.',
  })
  exportPersonalData(
    @Arg('input', () => ExportPersonalDataInput) input: ExportPersonalDataInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<PersonalDataExportLink> {
    return this.exports.request(principal, input);
  }

  @Access(SUPPORT)
  @Mutation(() => ContactErasure, {
    description:
      'Erases a contact’s personal data in every service: their name, address and actor strings become a pseudonym in cases, audit trails, comments, downloads, mail and events, their uploads are deleted; cases stay. CONFLICT (reason LEGAL_HOLD) while the customer is under a legal hold. A failed run resumes where it stopped when called again; a completed one is answered unchanged. Reason up to 500 characters.',
  })
  eraseContact(
    @Arg('contactId', () => ID) contactId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<ContactErasure> {
    return this.erasures.erase(principal, contactId, reason);
  }

  @Access(SUPPORT)
  @Query(() => ContactErasure, {
    nullable: true,
    description: 'The erasure of a contact, if one was requested: which services have finished.',
  })
  contactErasure(@Arg('contactId', () => ID) contactId: string): Promise<ContactErasure | null> {
    return this.erasures.find(contactId);
  }
}
