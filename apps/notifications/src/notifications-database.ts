import { MailBounce } from './delivery/mail-bounce.entity';
import { MailDelivery } from './delivery/mail-delivery.entity';
import { DigestEntry } from './digest/digest-entry.entity';
import { InboundMail } from './inbound/inbound-mail.entity';
import { VisitNoticeState } from './notice/visit-notice-state.entity';
import { NotificationPreference } from './preferences/notification-preference.entity';
import { CreateNotifications1796168235862 } from './migrations/1796168235862-create-notifications';

export const NOTIFICATIONS_ENTITIES = [NotificationPreference, MailDelivery, DigestEntry, MailBounce, InboundMail, VisitNoticeState];

export const NOTIFICATIONS_MIGRATIONS = [CreateNotifications1796168235862];
