import type { DataSource } from 'typeorm';
import type { CustomerDirectory } from '../directory/customer-directory';
import { MailDeliveryStatus } from '../delivery/mail-delivery-status';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import { bouncedAddresses, newDelivery } from '../delivery/notification-fanout';
import type { Notice } from '../notice/notice';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import { DEFAULT_LOCALE } from '../render/mail-time';
import { DigestEntry } from './digest-entry.entity';

export type DigestSweepSettings = { domain: string };

/**
 * Sends what contacts on a daily digest have waiting: for each contact with entries due, one mail
 * carrying all of them. The entries are locked (SELECT … FOR UPDATE) while the digest is written
 * and each gets the digest's id once, so concurrent sweeps in several replicas make one digest,
 * and an entry is never in two. Returns the new deliveries to enqueue.
 */
export class DigestSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
    private readonly settings: DigestSweepSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(): Promise<string[]> {
    const at = this.now();
    const due = await this.dataSource
      .getRepository(DigestEntry)
      .createQueryBuilder('entry')
      .select('DISTINCT entry.contactId', 'contactId')
      .where('entry.deliveryId IS NULL AND entry.dueAt <= :at', { at })
      .limit(500)
      .getRawMany<{ contactId: string }>();
    const created: string[] = [];
    for (const { contactId } of due) {
      const id = await this.digestFor(contactId, at);
      if (id) created.push(id);
    }
    return created;
  }

  private async digestFor(contactId: string, at: Date): Promise<string | null> {
    // Who the contact is now (name, address); a contact that no longer exists gets nothing.
    const contact = await this.customers.contact(contactId);
    const preference = await this.dataSource.getRepository(NotificationPreference).findOneBy({ contactId });
    const bounced = contact ? (await bouncedAddresses(this.dataSource, [contact.email.toLowerCase()])).size > 0 : false;
    return this.dataSource.transaction(async (manager) => {
      const entries = await manager
        .getRepository(DigestEntry)
        .createQueryBuilder('entry')
        .setLock('pessimistic_write')
        .where('entry.contactId = :contactId AND entry.deliveryId IS NULL AND entry.dueAt <= :at', { contactId, at })
        .orderBy('entry.occurredAt', 'ASC')
        .addOrderBy('entry.id', 'ASC')
        .getMany();
      if (entries.length === 0) return null;
      const notices = entries.map((entry) => JSON.parse(entry.notice) as Notice);
      const latest = entries[entries.length - 1];
      const delivery = newDelivery(
        {
          // The first entry names the digest: it can open only one, as it is locked and then taken.
          sourceKey: `digest:${entries[0].id}`,
          contactId,
          customerId: latest.customerId,
          toAddress: contact?.email ?? 'unknown',
          recipientName: contact?.name ?? 'customer',
          kind: 'DAILY_DIGEST',
          timeZone: preference?.timeZone ?? latest.timeZone,
          locale: preference?.locale ?? DEFAULT_LOCALE,
          content: { type: 'digest', notices },
        },
        !contact ? MailDeliveryStatus.FAILED : bounced ? MailDeliveryStatus.SUPPRESSED : MailDeliveryStatus.PENDING,
        this.settings.domain,
        at,
      );
      if (!contact) delivery.lastError = 'The contact no longer exists';
      await manager.insert(MailDelivery, delivery);
      await manager
        .createQueryBuilder()
        .update(DigestEntry)
        .set({ deliveryId: delivery.id })
        .where('contactId = :contactId AND deliveryId IS NULL AND id IN (:...ids)', { contactId, ids: entries.map((entry) => entry.id) })
        .execute();
      return delivery.status === MailDeliveryStatus.PENDING ? delivery.id : null;
    });
  }
}
