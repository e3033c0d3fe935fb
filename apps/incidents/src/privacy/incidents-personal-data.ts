import { In, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { EncryptedObjectStorage } from '@polyplus/object-storage';
import {
  contactActors,
  isContactExport,
  MappedPersonalData,
  ofCustomer,
  OUTBOX_EVENT_PERSONAL_DATA,
  personalDataResolver,
  querySection,
  type Condition,
  type ErasureSubject,
  type ExportSection,
  type ExportSubject,
  type PersonalDataMap,
} from '@polyplus/privacy';
import { Incident } from '../incident/incident.entity';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { IncidentComment } from '../comment/incident-comment.entity';
import { Attachment } from '../attachment/attachment.entity';
import { AttachmentDownload } from '../attachment/attachment-download.entity';
import { deleteAttachment } from '../attachment/attachment-retention';
import { PartnerIncidentRequest } from '../partner/partner-request.entity';
import { PartnerStatusUpdate } from '../partner/partner-status-update.entity';
import { PartnerEntitlementCheck } from '../partner/partner-entitlement-check.entity';
import { Escalation } from '../escalation/escalation.entity';
import { IncidentClockPause } from '../case-clock/clock-pause.entity';
import { IncidentSeverityChange } from '../case-clock/severity-change.entity';
import { SecurityNotice } from '../security-notice/security-notice.entity';
import { SecurityNoticeRecipient } from '../security-notice/security-notice-recipient.entity';

const ofCustomersCases = (subject: { customerId: string }): Condition => ({
  sql: '`incidentId` IN (SELECT `id` FROM `incident` WHERE `customerId` = ?)',
  params: [subject.customerId],
});
// Webhook deliveries carry the customer's id in their JSON.
const naming =
  (column: string) =>
  (subject: { customerId: string }): Condition => ({ sql: `\`${column}\` LIKE ?`, params: [`%${subject.customerId}%`] });

/** Every table of the incidents service: where a contact's personal data is, and why the others hold none. */
export const INCIDENTS_PERSONAL_DATA: PersonalDataMap = [
  {
    table: 'incident',
    scope: ofCustomer,
    key: 'id',
    actors: ['respondedBy'],
    text: ['summary', 'resolution', 'workaround', 'partnerFindings', 'rootCauseReference'],
  },
  { table: 'incident_audit_entry', scope: ofCustomersCases, key: 'sequence', actors: ['actor'], text: ['note'] },
  { table: 'incident_comment', scope: ofCustomer, key: 'id', actors: ['author'], text: ['body'] },
  { table: 'incident_attachment', scope: ofCustomer, key: 'id', actors: ['uploadedBy'], text: ['fileName'] },
  { table: 'incident_attachment_download', scope: ofCustomer, actors: ['downloadedBy'] },
  { table: 'partner_incident_request', scope: ofCustomersCases, key: 'id', text: ['partnerStatus'] },
  {
    table: 'partner_status_update',
    scope: (subject) => ({
      sql: '`requestId` IN (SELECT r.`id` FROM `partner_incident_request` r JOIN `incident` i ON i.`id` = r.`incidentId` WHERE i.`customerId` = ?)',
      params: [subject.customerId],
    }),
    key: 'sequence',
    actors: ['recordedBy'],
    text: ['partnerStatus', 'note'],
  },
  { table: 'partner_entitlement_check', scope: ofCustomersCases, key: 'id', actors: ['checkedBy'], text: ['reference'] },
  { table: 'security_notice_recipient', scope: ofCustomer, actors: ['acknowledgedBy'] },
  { table: 'incident_clock_pause', scope: ofCustomersCases, key: 'id', actors: ['openedBy', 'closedBy'], text: ['note', 'closeNote'] },
  { table: 'incident_severity_change', scope: ofCustomersCases, key: 'sequence', actors: ['actor'], text: ['reason'] },
  OUTBOX_EVENT_PERSONAL_DATA,
  { table: 'webhook_delivery', scope: naming('body'), key: 'id', text: ['body'] },
  { table: 'incident_escalation', holdsNoPersonalData: 'escalation levels and ages of cases' },
  { table: 'incident_consumed_event', holdsNoPersonalData: 'ids of events already handled' },
  { table: 'knowledge_article', holdsNoPersonalData: 'vendor-written knowledge-base articles' },
  { table: 'knowledge_article_product', holdsNoPersonalData: 'products of knowledge-base articles' },
  { table: 'security_notice', holdsNoPersonalData: 'the vendor’s notices, recorded and published by vendor staff' },
  { table: 'webhook_endpoint', holdsNoPersonalData: 'partner systems’ endpoints and sealed secrets' },
  { table: 'webhook_delivery_attempt', holdsNoPersonalData: 'outcomes of webhook attempts (status codes, the partner server’s errors)' },
];

// A contact's export leaves out what other people of the customer did on the contact's cases.
const CUSTOMER_PEOPLE = "NOT LIKE 'CUSTOMER\\_ADMIN:%' AND {column} NOT LIKE 'CUSTOMER\\_TECHNICIAN:%'";
const notCustomerPeople = (column: string) => `${column} ${CUSTOMER_PEOPLE.replace('{column}', column)}`;
const CONTACTS_CASES =
  '(SELECT contacts_case.`id` FROM `incident` contacts_case WHERE contacts_case.`customerId` = :customerId AND contacts_case.`contactId` = :contactId)';

const attachmentView = ({ storageKey: _storageKey, keyId: _keyId, ...attachment }: Attachment) => attachment;

type Scoped<T extends ObjectLiteral> = (builder: SelectQueryBuilder<T>, alias: string) => SelectQueryBuilder<T>;

/**
 * The incidents service's sections of an export. For a customer: every case and what hangs off it.
 * For a contact: the cases they reported with what support and partners did on them, and whatever
 * the contact did anywhere at the customer (comments, files, downloads, notice acknowledgements) —
 * never what another of the customer's people did or wrote.
 */
export function incidentsExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const contact = isContactExport(subject);
  const params = {
    customerId: subject.customerId,
    contactId: subject.contactId ?? null,
    actors: contact ? contactActors(subject.contactId as string, subject.email) : [],
  };
  const builder = <T extends ObjectLiteral>(entity: new () => T, alias: string) =>
    dataSource.getRepository(entity).createQueryBuilder(alias).setParameters(params);
  // Rows of the customer's cases (or, for a contact, of the cases they reported).
  const onCases: Scoped<ObjectLiteral> = (query, alias) =>
    query.where(
      `${alias}.incidentId IN (SELECT scoped_case.\`id\` FROM \`incident\` scoped_case WHERE scoped_case.\`customerId\` = :customerId${contact ? ' AND scoped_case.`contactId` = :contactId' : ''})`,
    );
  // Rows the contact made, or rows of the contact's cases that none of the customer's other people made.
  const byOrFor = (alias: string, actor: string) =>
    contact
      ? ` AND (${alias}.${actor} IN (:...actors) OR (${alias}.incidentId IN ${CONTACTS_CASES} AND ${notCustomerPeople(`${alias}.${actor}`)}))`
      : '';
  return [
    querySection('incidents', {
      key: 'id',
      query: () =>
        builder(Incident, 'incident').where(`incident.customerId = :customerId${contact ? ' AND incident.contactId = :contactId' : ''}`),
    }),
    querySection('auditEntries', {
      key: 'sequence',
      query: () =>
        builder(IncidentAuditEntry, 'entry').where(
          `entry.incidentId IN (SELECT audited.\`id\` FROM \`incident\` audited WHERE audited.\`customerId\` = :customerId)${byOrFor('entry', 'actor')}`,
        ),
    }),
    querySection('comments', {
      key: 'id',
      query: () => builder(IncidentComment, 'comment').where(`comment.customerId = :customerId${byOrFor('comment', 'author')}`),
    }),
    querySection('attachments', {
      key: 'id',
      query: () => builder(Attachment, 'attachment').where(`attachment.customerId = :customerId${byOrFor('attachment', 'uploadedBy')}`),
      view: attachmentView,
    }),
    querySection('attachmentDownloads', {
      key: 'sequence',
      query: () =>
        builder(AttachmentDownload, 'download').where(
          `download.customerId = :customerId${contact ? ' AND download.downloadedBy IN (:...actors)' : ''}`,
        ),
    }),
    querySection('partnerRequests', {
      key: 'id',
      query: () => onCases(builder(PartnerIncidentRequest, 'request'), 'request') as SelectQueryBuilder<PartnerIncidentRequest>,
    }),
    querySection('partnerStatusUpdates', {
      key: 'sequence',
      query: () =>
        builder(PartnerStatusUpdate, 'statusUpdate').where(
          `statusUpdate.requestId IN (SELECT scoped_request.\`id\` FROM \`partner_incident_request\` scoped_request JOIN \`incident\` scoped_case ON scoped_case.\`id\` = scoped_request.\`incidentId\` WHERE scoped_case.\`customerId\` = :customerId${contact ? ' AND scoped_case.`contactId` = :contactId' : ''})`,
        ),
    }),
    querySection('partnerEntitlementChecks', {
      key: 'id',
      query: () =>
        onCases(builder(PartnerEntitlementCheck, 'entitlementCheck'), 'entitlementCheck') as SelectQueryBuilder<PartnerEntitlementCheck>,
    }),
    querySection('escalations', {
      key: 'id',
      query: () => onCases(builder(Escalation, 'escalation'), 'escalation') as SelectQueryBuilder<Escalation>,
    }),
    querySection('clockPauses', {
      key: 'id',
      query: () => onCases(builder(IncidentClockPause, 'pause'), 'pause') as SelectQueryBuilder<IncidentClockPause>,
    }),
    querySection('severityChanges', {
      key: 'sequence',
      query: () =>
        onCases(builder(IncidentSeverityChange, 'severityChange'), 'severityChange') as SelectQueryBuilder<IncidentSeverityChange>,
    }),
    querySection('securityNoticeAcknowledgements', {
      key: 'noticeId',
      query: () =>
        builder(SecurityNoticeRecipient, 'recipient')
          .innerJoinAndMapOne('recipient.notice', SecurityNotice, 'notice', 'notice.id = recipient.noticeId')
          .where(`recipient.customerId = :customerId${contact ? ' AND recipient.acknowledgedBy IN (:...actors)' : ''}`),
      view: (recipient: SecurityNoticeRecipient & { notice?: SecurityNotice }) => ({
        noticeId: recipient.noticeId,
        customerId: recipient.customerId,
        acknowledgedAt: recipient.acknowledgedAt,
        acknowledgedBy: recipient.acknowledgedBy,
        notice: recipient.notice && {
          title: recipient.notice.title,
          kind: recipient.notice.kind,
          severity: recipient.notice.severity,
          notifiedAt: recipient.notice.notifiedAt,
        },
      }),
    }),
  ];
}

/**
 * The incidents service's part of exports and erasures. Erasing a contact deletes the files they
 * uploaded (bytes, then the row with one audit line naming the file by id, like the retention
 * purge), then pseudonymises them in every table in one transaction; the cases stay.
 */
export class IncidentsPersonalData extends MappedPersonalData {
  constructor(
    dataSource: DataSource,
    private readonly storage: EncryptedObjectStorage,
    private readonly now: () => Date = () => new Date(),
  ) {
    super(dataSource, INCIDENTS_PERSONAL_DATA, incidentsExportSections);
  }

  override async erase(subject: ErasureSubject) {
    const uploads = await this.dataSource.getRepository(Attachment).find({
      select: { id: true, incidentId: true, storageKey: true },
      where: { customerId: subject.customerId, uploadedBy: In(contactActors(subject.contactId, subject.email)) },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
    let deletedFiles = 0;
    for (const file of uploads) {
      const note = `attachment ${file.id} deleted: the personal data of the contact who uploaded it was erased`;
      if (
        await deleteAttachment({ dataSource: this.dataSource, storage: this.storage }, file, {
          action: 'ATTACHMENT_ERASED',
          note,
          at: this.now(),
          actor: subject.erasedBy,
        })
      )
        deletedFiles += 1;
    }
    const { changedRows } = await super.erase(subject);
    return { changedRows, deletedFiles };
  }
}

export const IncidentsPersonalDataResolver = personalDataResolver('incidents');
