import { serviceLogger } from '@polyplus/logger';
import { queuePrefix } from '@polyplus/events';
import { createServiceClock } from '@polyplus/clock';
import {
  buildFederatedSchema,
  backgroundPart,
  byIds,
  clockPart,
  createSubgraphClient,
  defineSubgraph,
  subgraphUrl,
  type SubgraphClient,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { mailConfigFromEnv, type MailConfig } from './config/mail-config';
import { MailDelivery } from './delivery/mail-delivery.entity';
import { MailLog } from './delivery/mail-log';
import type { MailSender } from './delivery/smtp-sender';
import { CaseDirectory } from './directory/case-directory';
import { CustomerDirectory } from './directory/customer-directory';
import { DeviceRegistry } from './directory/device-registry';
import { OrderDirectory } from './directory/order-directory';
import { InboundMail } from './inbound/inbound-mail.entity';
import { ContactReference } from './preferences/contact-reference';
import { NotificationPreferenceService } from './preferences/notification-preference.service';
import { NotificationPreferences } from './preferences/notification-preferences.type';
import { ContactMailResolver, NotificationPreferencesResolver } from './preferences/notification-preferences.resolver';
import { startNotificationsRuntime, type NotificationsRuntime } from './runtime/notifications-runtime';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from './notifications-database';
import { NotificationsPersonalData, NotificationsPersonalDataResolver } from './privacy/notifications-personal-data';

export type NotificationsSubgraphOptions = {
  /** Default: `mailConfigFromEnv()`; tests point it at their own SMTP sink and free ports. */
  mail?: MailConfig;
  /** The other subgraphs; default: over HTTP at their configured URLs. */
  customers?: SubgraphClient;
  incidents?: SubgraphClient;
  devices?: SubgraphClient;
  logistics?: SubgraphClient;
  devicesUrl?: string;
  sender?: MailSender;
  queuePrefix?: string;
  pollMs?: number;
  lockDurationMs?: number;
  /** Off: this process writes and queues mail but does not send it. */
  sendMail?: boolean;
  now?: () => Date;
  /** Receives the running background work (tests reach the queue, the receiver and the sweep). */
  onStarted?: (runtime: NotificationsRuntime) => void;
};

/**
 * The notifications subgraph: contacts' mail preferences and delivery log in the API, and the
 * mail itself in the background (events → mail, the serial-list receiver, unsubscribe links).
 */
export function createNotificationsSubgraph(options: NotificationsSubgraphOptions = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'notifications',
    database: { entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS },
    async build(dataSource) {
      // System time in production; elsewhere the stack's test clock (digest hours follow it).
      const clock = createServiceClock({ prefix: options.queuePrefix ?? queuePrefix() });
      const now = options.now ?? clock.now;
      const config = options.mail ?? mailConfigFromEnv();
      const customersClient = options.customers ?? createSubgraphClient('customers', subgraphUrl('customers'));
      const customers = new CustomerDirectory(customersClient);
      const preferences = new NotificationPreferenceService(dataSource, customers, now);
      const log = new MailLog(dataSource);
      const schema = await buildFederatedSchema({
        ownership: {
          ContactReference: (contact: ContactReference) => contact.customerId,
          NotificationPreferences: (preferences: NotificationPreferences) => preferences.customerId,
          MailDelivery: (delivery: MailDelivery) => delivery.customerId,
          InboundMail: (mail: InboundMail) => mail.customerId,
        },
        resolvers: [ContactMailResolver, NotificationPreferencesResolver, NotificationsPersonalDataResolver],
        // Contact is reached only through federation (`_entities`), never from a root field here.
        orphanedTypes: [ContactReference],
        instances: [
          new ContactMailResolver(preferences, log),
          new NotificationPreferencesResolver(preferences, log, config.linkSecret),
          new NotificationsPersonalDataResolver(new NotificationsPersonalData(dataSource, now)),
        ],
        references: {
          // Owner and address from the customers subgraph, never from the representation.
          Contact: byIds(async (ids) =>
            (await customers.contacts(ids)).map((contact) => new ContactReference(contact.id, contact.customerId, contact.email)),
          ),
        },
      });
      return {
        ...schema,
        background: [
          clockPart(clock),
          // The mail itself: opens Redis and ports, so only with the server, never when printing SDL.
          backgroundPart('mail runtime', async () => {
            const runtime = await startNotificationsRuntime({
              dataSource,
              config,
              directories: {
                customers,
                cases: new CaseDirectory(
                  options.incidents ?? createSubgraphClient('incidents', subgraphUrl('incidents')),
                  options.devices ?? createSubgraphClient('devices', subgraphUrl('devices')),
                ),
                orders: new OrderDirectory(options.logistics ?? createSubgraphClient('logistics', subgraphUrl('logistics'))),
              },
              registry: new DeviceRegistry(options.devicesUrl ?? subgraphUrl('devices')),
              preferences,
              prefix: options.queuePrefix ?? queuePrefix(),
              sender: options.sender,
              pollMs: options.pollMs,
              lockDurationMs: options.lockDurationMs,
              sendMail: options.sendMail,
              now,
            });
            if (runtime.receiver)
              serviceLogger().info(
                `notifications mail receiver (${config.serialListAddress}) at smtp://${runtime.receiver.host}:${runtime.receiver.port}`,
              );
            serviceLogger().info(`notifications unsubscribe page at ${runtime.links.url}/unsubscribe`);
            options.onStarted?.(runtime);
            return () => runtime.close();
          }),
        ],
      };
    },
  });
}

export const notificationsSubgraph: SubgraphDefinition = createNotificationsSubgraph();
