export {
  CONTACT_ROLES,
  ERASED_EMAIL_DOMAIN,
  contactActors,
  exportedCases,
  isContactExport,
  pseudonymousActors,
  pseudonymsFor,
  type ErasureSubject,
  type ExportSubject,
  type Pseudonyms,
} from './subject';
export {
  MIN_NAME_LENGTH,
  containsPattern,
  erasureReplacements,
  textPseudonymiser,
  type Replacement,
  type TextPseudonymiser,
} from './text-pseudonymiser';
export {
  applyErasurePlan,
  isErasureTarget,
  unclassifiedTables,
  withoutContact,
  type Condition,
  type ErasureTarget,
  type NoPersonalData,
  type PersonalDataMap,
  type PseudonymKind,
} from './erasure-plan';
export {
  DEFAULT_EXPORT_PAGE,
  MAX_CURSOR_LENGTH,
  MAX_EXPORT_PAGE,
  querySection,
  readExportPage,
  type ExportPage,
  type ExportRecord,
  type ExportSection,
} from './export-page';
export {
  MAX_SUBJECT_INCIDENTS,
  ErasureSubjectInput,
  PersonalDataErasure,
  PersonalDataPage,
  PersonalDataRecord,
  PersonalDataSubjectInput,
} from './personal-data.types';
export { personalDataFields, personalDataResolver, type PersonalDataService } from './personal-data.resolver';
export { personalDataDocuments, personalDataPeer, type PersonalDataDocuments, type PersonalDataPeer } from './personal-data-peer';
export { collectExport, inProcessClient } from './in-process-client';
export { findValues, type Occurrence } from './personal-value-scan';
export { MappedPersonalData, OUTBOX_EVENT_PERSONAL_DATA, ofCustomer, type ErasureStep, type ExportSections } from './mapped-personal-data';
