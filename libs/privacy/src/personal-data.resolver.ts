import { Arg, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '@polyplus/subgraph-kit';
import type { ErasureSubject, ExportSubject } from './subject';
import type { ExportPage } from './export-page';
import { DEFAULT_EXPORT_PAGE } from './export-page';
import { ErasureSubjectInput, PersonalDataErasure, PersonalDataPage, PersonalDataSubjectInput } from './personal-data.types';

/** What a service answers about the personal data it holds: its part of an export, and its part of an erasure. */
export type PersonalDataService = {
  exportPage(subject: ExportSubject, after: string | null, limit: number): Promise<ExportPage>;
  /** Erases the contact from the service's own tables, in a transaction; a second call changes nothing. */
  erase(subject: ErasureSubject): Promise<PersonalDataErasure>;
};

/** The root fields through which the customers service reaches a service's personal data. */
export function personalDataFields(service: string): { exportField: string; eraseField: string } {
  return { exportField: `${service}PersonalData`, eraseField: `erase${service[0].toUpperCase()}${service.slice(1)}PersonalData` };
}

/**
 * The service-only root fields of one subgraph's personal data: `<service>PersonalData(subject,
 * after, limit)` pages through its export, `erase<Service>PersonalData(subject)` erases a contact
 * from its tables. Only the customers service calls them, as a SERVICE principal.
 */
export function personalDataResolver(service: string): new (data: PersonalDataService) => object {
  const { exportField, eraseField } = personalDataFields(service);

  @Resolver()
  class PersonalDataResolver {
    constructor(private readonly data: PersonalDataService) {}

    @Access('SERVICE')
    @Query(() => PersonalDataPage, {
      name: exportField,
      description: `The personal data the ${service} service holds about a customer or one of its contacts, a page at a time (limit 1–1,000; after: the previous page’s next). For the customers service’s export.`,
    })
    exportPersonalData(
      @Arg('subject', () => PersonalDataSubjectInput) subject: PersonalDataSubjectInput,
      @Arg('after', () => String, { nullable: true }) after: string | null,
      @Arg('limit', () => Int, { defaultValue: DEFAULT_EXPORT_PAGE }) limit: number,
    ): Promise<PersonalDataPage> {
      return this.data.exportPage(subject, after ?? null, limit);
    }

    @Access('SERVICE')
    @Mutation(() => PersonalDataErasure, {
      name: eraseField,
      description: `Erases a contact from the ${service} service’s tables (pseudonyms for their name, address and actor strings); a second call changes nothing. For the customers service’s eraseContact.`,
    })
    erasePersonalData(@Arg('subject', () => ErasureSubjectInput) subject: ErasureSubjectInput): Promise<PersonalDataErasure> {
      return this.data.erase(subject);
    }
  }
  Object.defineProperty(PersonalDataResolver, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}PersonalDataResolver` });
  return PersonalDataResolver;
}
