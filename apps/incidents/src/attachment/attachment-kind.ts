import { registerEnumType } from 'type-graphql';

/** What a file on a case is, in the words of the description ("The Customer will", item 5). */
export enum AttachmentKind {
  NETWORK_DIAGRAM = 'NETWORK_DIAGRAM',
  CONFIGURATION = 'CONFIGURATION',
  /** Call/customer detail records. */
  CDR = 'CDR',
  OPERATION_PROCEDURE = 'OPERATION_PROCEDURE',
  OTHER = 'OTHER',
}

registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description:
    'Network diagrams, system configurations, customer detail records (CDRs), operation procedures, or anything else a case needs.',
});
