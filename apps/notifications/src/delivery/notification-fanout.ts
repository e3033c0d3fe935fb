import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource } from 'typeorm';
import type { CustomerDirectory } from '../directory/customer-directory';
import type { Notice } from '../notice/notice';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import { DigestEntry } from '../digest/digest-entry.entity';
import type { MailContent } from '../render/mail-content';
import { MailBounce } from './mail-bounce.entity';
import { MailDelivery } from './mail-delivery.entity';
import { MailDeliveryStatus } from './mail-delivery-status';
import { digestDueAt, planRecipient, recipientsOf } from './recipient-plan';

export type FanoutSettings = { domain: string; digestHour: number };

/** A delivery row as first written: content decided, not yet rendered. */
export function newDelivery(
  fields: Pick<MailDelivery, 'sourceKey' | 'contactId' | 'customerId' | 'toAddress' | 'recipientName' | 'kind' | 'timeZone' | 'locale'> & {
    content: MailContent;
    inReplyTo?: string | null;
  },
  status: MailDeliveryStatus,
  domain: string,
  at: Date,
): MailDelivery {
  const id = randomUUID();
  return Object.assign(new MailDelivery(), {
    ...fields,
    id,
    content: JSON.stringify(fields.content),
    inReplyTo: fields.inReplyTo ?? null,
    status,
    subject: null,
    html: null,
    text: null,
    renderedAt: null,
    messageId: `<${id}@${domain}>`,
    attempts: 0,
    lastError: status === MailDeliveryStatus.SUPPRESSED ? 'The address bounced before; no mail is sent to it' : null,
    createdAt: at,
    sentAt: null,
  });
}

/** Addresses with a hard bounce nobody cleared: no mail goes to them. */
export async function bouncedAddresses(dataSource: DataSource, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await dataSource
    .getRepository(MailBounce)
    .find({ select: { email: true }, where: { email: In(emails), kind: 'HARD', clearedAt: IsNull() } });
  return new Set(rows.map((row) => row.email));
}

/**
 * Turns one notice into mails: one delivery per recipient who wants it now, one digest entry per
 * recipient who wants a summary, both UNIQUE per (event, contact). Returns the ids of deliveries
 * still waiting to be sent, those written by an earlier run of the same event included, so a
 * re-run enqueues what a crash left behind (the job id is the delivery's: nothing is doubled).
 */
export class NotificationFanout {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
    private readonly settings: FanoutSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliver(eventId: string, notice: Notice): Promise<string[]> {
    const customer = await this.customers.customer(notice.customerId);
    if (!customer) return [];
    const recipients = recipientsOf(notice, customer);
    if (recipients.length === 0) return [];
    const preferences = await this.dataSource
      .getRepository(NotificationPreference)
      .findBy({ contactId: In(recipients.map((contact) => contact.id)) });
    const byContact = new Map(preferences.map((preference) => [preference.contactId, preference]));
    const bounced = await bouncedAddresses(
      this.dataSource,
      recipients.map((contact) => contact.email.toLowerCase()),
    );
    const at = this.now();
    const plans = recipients.map((contact) =>
      planRecipient(
        notice,
        contact,
        customer,
        byContact.get(contact.id) ?? null,
        bounced.has(contact.email.toLowerCase()),
        this.settings.digestHour,
      ),
    );
    const deliveries = plans
      .filter((plan) => plan.decision === 'IMMEDIATE' || plan.decision === 'SUPPRESSED')
      .map((plan) =>
        newDelivery(
          {
            sourceKey: eventId,
            contactId: plan.contact.id,
            customerId: customer.id,
            toAddress: plan.contact.email,
            recipientName: plan.contact.name,
            kind: notice.kind,
            timeZone: plan.timeZone,
            locale: plan.locale,
            content: { type: 'notice', notice },
          },
          plan.decision === 'SUPPRESSED' ? MailDeliveryStatus.SUPPRESSED : MailDeliveryStatus.PENDING,
          this.settings.domain,
          at,
        ),
      );
    const occurredAt = new Date(notice.occurredAt);
    const entries = plans
      .filter((plan) => plan.decision === 'DIGEST')
      .map((plan) => ({
        id: randomUUID(),
        eventId,
        contactId: plan.contact.id,
        customerId: customer.id,
        kind: notice.kind,
        notice: JSON.stringify(notice),
        timeZone: plan.timeZone,
        occurredAt,
        dueAt: digestDueAt(occurredAt, plan.timeZone, plan.digestHour, at),
        deliveryId: null,
      }));
    await this.dataSource.transaction(async (manager) => {
      // INSERT IGNORE: the UNIQUE (event, contact) keys make a repeated event a no-op.
      if (deliveries.length) await manager.createQueryBuilder().insert().into(MailDelivery).values(deliveries).orIgnore().execute();
      if (entries.length) await manager.createQueryBuilder().insert().into(DigestEntry).values(entries).orIgnore().execute();
    });
    const waiting = await this.dataSource
      .getRepository(MailDelivery)
      .find({ select: { id: true }, where: { sourceKey: eventId, status: MailDeliveryStatus.PENDING } });
    return waiting.map((delivery) => delivery.id);
  }
}
