import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import {
  isContactExport,
  MappedPersonalData,
  ofCustomer,
  personalDataResolver,
  querySection,
  type Condition,
  type ErasureSubject,
  type ExportSection,
  type ExportSubject,
  type PersonalDataMap,
} from '@polyplus/privacy';
import { MailBounce } from '../delivery/mail-bounce.entity';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import { MailDeliveryStatus } from '../delivery/mail-delivery-status';
import { DigestEntry } from '../digest/digest-entry.entity';
import { InboundMail } from '../inbound/inbound-mail.entity';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import { DeliveryMode } from '../preferences/delivery-mode';

const ofCustomerOrContact = (subject: ErasureSubject): Condition => ({
  sql: '(`customerId` = ? OR `contactId` = ?)',
  params: [subject.customerId, subject.contactId],
});
// Mail from the contact's address that was not put down to another customer (e.g. refused unread).
const fromContact = (subject: ErasureSubject): Condition => ({
  sql: '(`contactId` = ? OR (`fromAddress` = ? AND (`customerId` = ? OR `customerId` IS NULL)))',
  params: [subject.contactId, subject.email, subject.customerId],
});
// A bounce is kept per address: only those of mail to this contact (or to no delivery) are theirs.
const contactsBounces = (subject: ErasureSubject): Condition => ({
  sql: '(`email` = ? AND (`deliveryId` IS NULL OR `deliveryId` IN (SELECT d.`id` FROM `mail_delivery` d WHERE d.`contactId` = ?)))',
  params: [subject.email, subject.contactId],
});

/** Every table of the notifications service: where a contact's personal data is, and why the others hold none. */
export const NOTIFICATIONS_PERSONAL_DATA: PersonalDataMap = [
  {
    table: 'notification_preference',
    scope: ofCustomer,
    actors: ['updatedBy'],
  },
  {
    table: 'mail_delivery',
    scope: ofCustomerOrContact,
    key: 'id',
    text: ['subject', 'html', 'text', 'content', 'lastError'],
    own: {
      where: (subject) => ({ sql: '`contactId` = ?', params: [subject.contactId] }),
      set: { toAddress: 'email', recipientName: 'name' },
    },
  },
  { table: 'digest_entry', scope: ofCustomerOrContact, key: 'id', text: ['notice'] },
  {
    table: 'inbound_mail',
    scope: (subject) => {
      const own = fromContact(subject);
      return { sql: `(\`customerId\` = ? OR ${own.sql})`, params: [subject.customerId, ...own.params] };
    },
    key: 'id',
    text: ['subject', 'detail', 'messageId'],
    own: { where: fromContact, set: { fromAddress: 'email' } },
  },
  {
    table: 'mail_bounce',
    scope: (subject) => {
      const own = contactsBounces(subject);
      return {
        sql: `(${own.sql} OR \`deliveryId\` IN (SELECT c.\`id\` FROM \`mail_delivery\` c WHERE c.\`customerId\` = ?))`,
        params: [...own.params, subject.customerId],
      };
    },
    key: 'id',
    actors: ['clearedBy'],
    text: ['diagnostic'],
    own: { where: contactsBounces, set: { email: 'email' } },
  },
  { table: 'visit_notice_state', holdsNoPersonalData: 'the last visit window customers were told of, per visit' },
];

const ERASED_NOTE = 'Not sent: the contact’s personal data was erased';

/**
 * No more mail to an erased contact: every category off (a case they reported keeps going on), their
 * pending mail settled unsent, their undelivered digest entries dropped. Only what is not so yet changes.
 */
async function stopMail(manager: EntityManager, subject: ErasureSubject, at: Date): Promise<number> {
  let changed = 0;
  const off = { caseUpdates: false, replacementParts: false, returns: false, onsiteVisits: false, securityNotices: false };
  const preference = await manager.findOne(NotificationPreference, {
    where: { contactId: subject.contactId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!preference) {
    await manager.insert(NotificationPreference, {
      contactId: subject.contactId,
      customerId: subject.customerId,
      mode: DeliveryMode.IMMEDIATE,
      ...off,
      timeZone: null,
      locale: null,
      digestHour: null,
      updatedAt: at,
      updatedBy: subject.erasedBy,
    });
    changed += 1;
  } else if (Object.keys(off).some((category) => preference[category as keyof typeof off])) {
    await manager.update(NotificationPreference, { contactId: subject.contactId }, { ...off, updatedAt: at, updatedBy: subject.erasedBy });
    changed += 1;
  }
  changed +=
    (
      await manager.update(
        MailDelivery,
        { contactId: subject.contactId, status: MailDeliveryStatus.PENDING },
        { status: MailDeliveryStatus.SUPPRESSED, lastError: ERASED_NOTE },
      )
    ).affected ?? 0;
  const dropped: { affectedRows?: number } = await manager.query(
    'DELETE FROM `digest_entry` WHERE `contactId` = ? AND `deliveryId` IS NULL',
    [subject.contactId],
  );
  return changed + Number(dropped.affectedRows ?? 0);
}

/**
 * The notifications service's sections of an export: a contact's preferences, the mail they were
 * sent (with its content), updates held for their digest, mail received from them and bounces of
 * their address; for a customer, those of all its contacts.
 */
export function notificationsExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const contact = isContactExport(subject);
  const params = { customerId: subject.customerId, contactId: subject.contactId ?? null, email: subject.email ?? null };
  const builder = <T extends ObjectLiteral>(entity: new () => T, alias: string) =>
    dataSource.getRepository(entity).createQueryBuilder(alias).setParameters(params);
  const owner = (alias: string) => (contact ? `${alias}.contactId = :contactId` : `${alias}.customerId = :customerId`);
  const deliveries = contact
    ? 'SELECT own.`id` FROM `mail_delivery` own WHERE own.`contactId` = :contactId'
    : 'SELECT own.`id` FROM `mail_delivery` own WHERE own.`customerId` = :customerId';
  return [
    querySection('notificationPreferences', {
      key: 'contactId',
      query: () => builder(NotificationPreference, 'preference').where(owner('preference')),
    }),
    querySection('mailDeliveries', { key: 'id', query: () => builder(MailDelivery, 'delivery').where(owner('delivery')) }),
    querySection('digestEntries', { key: 'id', query: () => builder(DigestEntry, 'entry').where(owner('entry')) }),
    querySection('inboundMails', {
      key: 'id',
      query: () =>
        builder(InboundMail, 'inbound').where(
          contact
            ? `(inbound.contactId = :contactId OR (inbound.fromAddress = :email AND (inbound.customerId = :customerId OR inbound.customerId IS NULL)))`
            : 'inbound.customerId = :customerId',
        ),
    }),
    querySection('mailBounces', {
      key: 'id',
      query: () =>
        builder(MailBounce, 'bounce').where(
          contact
            ? `(bounce.deliveryId IN (${deliveries}) OR (bounce.deliveryId IS NULL AND bounce.email = :email))`
            : `bounce.deliveryId IN (${deliveries})`,
        ),
    }),
  ];
}

/** The notifications service's part of personal-data exports and erasures. */
export class NotificationsPersonalData extends MappedPersonalData {
  constructor(dataSource: DataSource, now: () => Date = () => new Date()) {
    super(dataSource, NOTIFICATIONS_PERSONAL_DATA, notificationsExportSections, (manager, subject) => stopMail(manager, subject, now()));
  }
}

export const NotificationsPersonalDataResolver = personalDataResolver('notifications');
