import { DeliveryMode } from './delivery-mode';
import type { NotificationPreference } from './notification-preference.entity';

/** The row of a contact who chose nothing yet: every category, one mail per update, the case site's zone. */
export function defaultPreference(contactId: string, customerId: string, updatedAt: Date, updatedBy: string): NotificationPreference {
  return {
    contactId,
    customerId,
    mode: DeliveryMode.IMMEDIATE,
    caseUpdates: true,
    replacementParts: true,
    returns: true,
    onsiteVisits: true,
    securityNotices: true,
    timeZone: null,
    locale: null,
    digestHour: null,
    updatedAt,
    updatedBy,
  };
}
