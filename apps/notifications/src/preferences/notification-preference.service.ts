import { In, IsNull, type DataSource } from 'typeorm';
import { canSeeCustomer, type Principal } from '@polyplus/auth';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import type { CustomerDirectory } from '../directory/customer-directory';
import { MailBounce } from '../delivery/mail-bounce.entity';
import { ALL_CATEGORIES, NotificationCategory } from '../notice/notification-category';
import { isKnownTimeZone, isSupportedLocale } from '../render/mail-time';
import type { UnsubscribeClaim } from '../unsubscribe/mail-link-token';
import { DeliveryMode } from './delivery-mode';
import { defaultPreference } from './default-preference';
import type { SetNotificationPreferencesInput } from './dto/set-notification-preferences.input';
import { categoryColumn, NotificationPreference } from './notification-preference.entity';
import { NotificationPreferences } from './notification-preferences.type';

/** The preferences as the API shows them: stored ones, or the defaults for a contact who set none. */
export function preferencesView(
  contactId: string,
  customerId: string,
  stored: NotificationPreference | null,
  bounced: boolean,
): NotificationPreferences {
  return Object.assign(new NotificationPreferences(), {
    contactId,
    customerId,
    mode: stored?.mode ?? DeliveryMode.IMMEDIATE,
    categories: stored ? ALL_CATEGORIES.filter((category) => stored[categoryColumn(category)]) : [...ALL_CATEGORIES],
    timeZone: stored?.timeZone ?? null,
    locale: stored?.locale ?? null,
    digestHour: stored?.digestHour ?? null,
    addressBounced: bounced,
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  });
}

export class NotificationPreferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forContact(contactId: string, customerId: string, email: string | null): Promise<NotificationPreferences> {
    const stored = await this.dataSource.getRepository(NotificationPreference).findOneBy({ contactId });
    const bounced = email
      ? await this.dataSource.getRepository(MailBounce).existsBy({ email: email.toLowerCase(), kind: 'HARD', clearedAt: IsNull() })
      : false;
    return preferencesView(contactId, customerId, stored, bounced);
  }

  /** A customer user changes only their own (enforced by the access policy); staff anyone's. */
  async set(input: SetNotificationPreferencesInput, principal: Principal, actor: string): Promise<NotificationPreferences> {
    const contact = await this.customers.contact(input.contactId);
    if (!contact || !canSeeCustomer(principal, contact.customerId)) throw notFound('Contact', input.contactId);
    if (input.timeZone != null && !isKnownTimeZone(input.timeZone))
      throw badUserInput(`timeZone ${input.timeZone} is not an IANA time zone`, 'timeZone');
    if (input.locale != null && !isSupportedLocale(input.locale))
      throw badUserInput(`locale ${input.locale} is not a supported BCP 47 locale`, 'locale');
    const row: NotificationPreference = {
      contactId: contact.id,
      customerId: contact.customerId,
      mode: input.mode,
      caseUpdates: input.categories.includes(NotificationCategory.CASE_UPDATES),
      replacementParts: input.categories.includes(NotificationCategory.REPLACEMENT_PARTS),
      returns: input.categories.includes(NotificationCategory.RETURNS),
      onsiteVisits: input.categories.includes(NotificationCategory.ONSITE_VISITS),
      securityNotices: input.categories.includes(NotificationCategory.SECURITY_NOTICES),
      timeZone: input.timeZone ?? null,
      locale: input.locale ?? null,
      digestHour: input.digestHour ?? null,
      updatedAt: this.now(),
      updatedBy: actor,
    };
    await this.dataSource.getRepository(NotificationPreference).upsert(row, ['contactId']);
    return this.forContact(contact.id, contact.customerId, contact.email);
  }

  /** An unsubscribe link was used: turn off its category (or everything), keeping the other choices. */
  async unsubscribe(claim: UnsubscribeClaim): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(NotificationPreference, {
        where: { contactId: claim.contactId },
        lock: { mode: 'pessimistic_write' },
      });
      const off = claim.scope === 'ALL' ? ALL_CATEGORIES : [claim.scope];
      const row = current ?? defaultPreference(claim.contactId, claim.customerId, this.now(), 'UNSUBSCRIBE_LINK');
      for (const category of off) row[categoryColumn(category)] = false;
      await manager
        .getRepository(NotificationPreference)
        .upsert({ ...row, updatedAt: this.now(), updatedBy: 'UNSUBSCRIBE_LINK' }, ['contactId']);
    });
  }

  /** Staff put an address back in service after a hard bounce was fixed. Returns how many bounces were cleared. */
  async reinstateAddress(email: string, actor: string): Promise<number> {
    const result = await this.dataSource
      .getRepository(MailBounce)
      .update({ email: email.trim().toLowerCase(), clearedAt: IsNull() }, { clearedAt: this.now(), clearedBy: actor });
    return result.affected ?? 0;
  }

  async bouncedAmong(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(MailBounce)
      .find({ select: { email: true }, where: { email: In(emails), kind: 'HARD', clearedAt: IsNull() } });
    return new Set(rows.map((row) => row.email));
  }
}
