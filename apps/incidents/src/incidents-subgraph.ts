import type { DataSource } from 'typeorm';
import { placeCalendars, type ResolutionTargets, type WeeklyHours } from '@polyplus/business-calendar';
import { createServiceClock, type ServiceClock } from '@polyplus/clock';
import { OutboxEvent, queuePrefix } from '@polyplus/events';
import {
  buildFederatedSchema,
  byIds,
  createSubgraphClient,
  subgraphUrl,
  type SubgraphClient,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { Incident } from './incident/incident.entity';
import { IncidentAuditEntry } from './incident/incident-audit-entry.entity';
import { DeviceIncidentsResolver, DeviceReference, IncidentResolver } from './incident/incident.resolver';
import { IncidentLifecycleResolver } from './incident/incident-lifecycle.resolver';
import { IncidentService } from './incident/incident.service';
import { IncidentLifecycleService } from './incident/incident-lifecycle.service';
import { EntitlementDirectory } from './incident/entitlement-directory';
import { CustomerDirectory } from './incident/customer-directory';
import { Escalation } from './escalation/escalation.entity';
import { EscalationService } from './escalation/escalation.service';
import type { EscalationPolicy } from './escalation/escalation-policy';
import { escalationPolicyFromEnv } from './escalation/escalation-policy-config';
import { PartnerIncidentRequest } from './partner/partner-request.entity';
import { PartnerStatusUpdate } from './partner/partner-status-update.entity';
import { PartnerEntitlementCheck } from './partner/partner-entitlement-check.entity';
import { PartnerSupportService } from './partner/partner-support.service';
import { PartnerSupportResolver } from './partner/partner-support.resolver';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { KnowledgeArticleProduct } from './knowledge/knowledge-article-product.entity';
import { KnowledgeBaseService } from './knowledge/knowledge-base.service';
import { KnowledgeBaseResolver } from './knowledge/knowledge-base.resolver';
import { startIncidentsRuntime } from './runtime/incidents-runtime';
import { WebhookEndpoint } from './webhook/webhook-endpoint.entity';
import { WebhookDelivery } from './webhook/webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook/webhook-delivery-attempt.entity';
import { WebhookEndpointService } from './webhook/webhook-endpoint.service';
import { WebhookResolver } from './webhook/webhook.resolver';
import { webhookConfigFromEnv, type WebhookConfig } from './webhook/webhook-config';
import type { SendWebhook } from './webhook/webhook-sender';
import { CreateIncidents1795533939999 } from './migrations/1795533939999-create-incidents';
import { IncidentManagement1795537885724 } from './migrations/1795537885724-incident-management';
import { PartnerWebhooks1795546377393 } from './migrations/1795546377393-partner-webhooks';
import { CaseClocks1796171280273 } from './migrations/1796171280273-case-clocks';
import { OutboxTraceContext1796180067697 } from './migrations/1796180067697-outbox-trace-context';
import { IncidentClockPause } from './case-clock/clock-pause.entity';
import { IncidentSeverityChange } from './case-clock/severity-change.entity';
import { IncidentConsumedEvent } from './case-clock/consumed-event.entity';
import { CaseClockService } from './case-clock/case-clock.service';
import { CaseClockResolver } from './case-clock/case-clock.resolver';
import { contactTimePolicyFromEnv, type ContactTimePolicy } from './case-clock/contact-time';
import { resolutionTargetsFromEnv } from './case-clock/resolution-targets-config';
import { TestClockResolver } from './test-clock/test-clock.resolver';
import { authConfig } from '@polyplus/auth';
import { createObjectStorage, type EncryptedObjectStorage } from '@polyplus/object-storage';
import { Attachment } from './attachment/attachment.entity';
import { AttachmentDownload } from './attachment/attachment-download.entity';
import { AttachmentService } from './attachment/attachment.service';
import { AttachmentResolver, IncidentAttachmentsResolver } from './attachment/attachment.resolver';
import { attachmentRoutes } from './attachment/attachment-http';
import { attachmentConfigFromEnv, type AttachmentConfig } from './attachment/attachment-config';
import { CaseContributors } from './attachment/case-contributors';
import {
  attachmentRetentionFromEnv,
  legalHoldsFrom,
  startAttachmentRetention,
  type AttachmentRetentionSweep,
} from './attachment/attachment-retention';
import { IncidentComment } from './comment/incident-comment.entity';
import { IncidentCommentService } from './comment/incident-comment.service';
import { IncidentCommentResolver } from './comment/incident-comment.resolver';
import { CaseAttachmentsAndComments1796168517463 } from './migrations/1796168517463-case-attachments-and-comments';
import { SecurityNotice } from './security-notice/security-notice.entity';
import { SecurityNoticeRecipient } from './security-notice/security-notice-recipient.entity';
import { SecurityNoticeRecipientResolver, SecurityNoticeResolver } from './security-notice/security-notice.resolver';
import { SecurityNoticeService } from './security-notice/security-notice.service';
import { CustomerRegistry } from './security-notice/customer-registry';
import { SecurityNotices1796168853538 } from './migrations/1796168853538-security-notices';
import { SealedWebhookSecrets1796170729830 } from './migrations/1796170729830-sealed-webhook-secrets';
import { IncidentsPersonalData, IncidentsPersonalDataResolver } from './privacy/incidents-personal-data';

export type IncidentsSubgraphOptions = {
  /** Default: `INCIDENTS_ESCALATION_MINUTES`, else the built-in thresholds. */
  escalationPolicy?: EscalationPolicy;
  /** Site opening hours; default Mon–Fri 08:00–17:30 local. */
  businessHours?: WeeklyHours;
  /** The devices and customers subgraphs; default: over HTTP at their configured URLs. */
  devices?: SubgraphClient;
  customers?: SubgraphClient;
  queuePrefix?: string;
  outboxPollMs?: number;
  /** Default: `webhookConfigFromEnv()`; tests shorten the retries and allow a local receiver. */
  webhooks?: Partial<WebhookConfig> & { send?: SendWebhook };
  /** Default: `createServiceClock()` under the queue prefix: system time, or the stack's test clock outside production. */
  clock?: ServiceClock;
  /** Default: `INCIDENTS_RESOLUTION_TARGET_MINUTES`, else the business-calendar defaults. */
  resolutionTargets?: ResolutionTargets;
  /** Default: `INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES`, else 24 h. */
  contactTime?: ContactTimePolicy;
  /** Default: `attachmentConfigFromEnv()` and links timed by real time; tests shorten the limit or move the links' clock. */
  attachments?: Partial<AttachmentConfig> & { linkClock?: () => Date };
  /** Where attachment bytes go; default: `createObjectStorage()` from the OBJECT_STORAGE_* settings. */
  objectStorage?: EncryptedObjectStorage;
  now?: () => Date;
};

export const INCIDENTS_ENTITIES = [
  Incident,
  IncidentAuditEntry,
  Escalation,
  PartnerIncidentRequest,
  PartnerStatusUpdate,
  PartnerEntitlementCheck,
  KnowledgeArticle,
  KnowledgeArticleProduct,
  OutboxEvent,
  WebhookEndpoint,
  WebhookDelivery,
  WebhookDeliveryAttempt,
  IncidentClockPause,
  IncidentSeverityChange,
  IncidentConsumedEvent,
  Attachment,
  AttachmentDownload,
  IncidentComment,
  SecurityNotice,
  SecurityNoticeRecipient,
];

export const INCIDENTS_MIGRATIONS = [
  CreateIncidents1795533939999,
  IncidentManagement1795537885724,
  PartnerWebhooks1795546377393,
  SecurityNotices1796168853538,
  CaseAttachmentsAndComments1796168517463,
  SealedWebhookSecrets1796170729830,
  CaseClocks1796171280273,
  OutboxTraceContext1796180067697,
];

/** The incidents subgraph; its background work (outbox relay, escalation timers) runs only over an opened database. */
export function createIncidentsSubgraph(options: IncidentsSubgraphOptions = {}): SubgraphDefinition {
  return {
    name: 'incidents',
    database: { entities: INCIDENTS_ENTITIES, migrations: INCIDENTS_MIGRATIONS },
    async build(dataSource: DataSource) {
      const clock = options.clock ?? createServiceClock({ prefix: options.queuePrefix ?? queuePrefix() });
      const now = options.now ?? clock.now;
      const resolutionTargets = options.resolutionTargets ?? resolutionTargetsFromEnv();
      const calendars = placeCalendars({ hours: options.businessHours });
      const devices = options.devices ?? createSubgraphClient('devices', subgraphUrl('devices'));
      const customers = options.customers ?? createSubgraphClient('customers', subgraphUrl('customers'));
      const incidents = new IncidentService(dataSource, {
        devices: new EntitlementDirectory(devices),
        customers: new CustomerDirectory(customers),
        calendars,
        now,
        resolutionTargets,
        contactTime: options.contactTime ?? contactTimePolicyFromEnv(),
      });
      const caseClocks = new CaseClockService(dataSource, { calendars, resolutionTargets, now });
      const lifecycle = new IncidentLifecycleService(dataSource, now);
      const escalations = new EscalationService(dataSource, options.escalationPolicy ?? escalationPolicyFromEnv(), calendars, now);
      const partnerSupport = new PartnerSupportService(dataSource, now);
      const knowledgeBase = new KnowledgeBaseService(dataSource, now);
      const webhookConfig = { ...webhookConfigFromEnv(), ...options.webhooks };
      // Webhooks are a transport: signatures and secret overlaps run on real time, which receivers check (not the test clock).
      const webhooks = new WebhookEndpointService(dataSource, webhookConfig, options.now);
      const caseContributors = new CaseContributors(dataSource, new CustomerDirectory(customers));
      const storage = options.objectStorage ?? createObjectStorage();
      const attachments = new AttachmentService(dataSource, {
        storage,
        contributors: caseContributors,
        config: { ...attachmentConfigFromEnv(), ...options.attachments },
        now,
        linkClock: options.attachments?.linkClock,
      });
      const comments = new IncidentCommentService(dataSource, caseContributors, now);
      const securityNotices = new SecurityNoticeService(dataSource, new CustomerRegistry(customers), now);
      const schema = await buildFederatedSchema({
        ownership: {
          Incident: (incident: Incident) => incident.customerId,
          Attachment: (attachment: Attachment) => attachment.customerId,
          IncidentComment: (comment: IncidentComment) => comment.customerId,
          SecurityNoticeRecipient: (recipient: SecurityNoticeRecipient) => recipient.customerId,
        },
        resolvers: [
          IncidentResolver,
          IncidentLifecycleResolver,
          DeviceIncidentsResolver,
          PartnerSupportResolver,
          KnowledgeBaseResolver,
          WebhookResolver,
          AttachmentResolver,
          IncidentAttachmentsResolver,
          IncidentCommentResolver,
          SecurityNoticeResolver,
          SecurityNoticeRecipientResolver,
          CaseClockResolver,
          IncidentsPersonalDataResolver,
          ...(clock.testable ? [TestClockResolver] : []),
        ],
        instances: [
          new IncidentResolver(incidents, escalations, partnerSupport),
          new IncidentLifecycleResolver(lifecycle),
          new DeviceIncidentsResolver(incidents),
          new PartnerSupportResolver(partnerSupport),
          new KnowledgeBaseResolver(knowledgeBase),
          new WebhookResolver(webhooks),
          new AttachmentResolver(attachments),
          new IncidentAttachmentsResolver(attachments),
          new IncidentCommentResolver(comments),
          new SecurityNoticeResolver(securityNotices),
          new SecurityNoticeRecipientResolver(),
          new CaseClockResolver(caseClocks),
          new IncidentsPersonalDataResolver(new IncidentsPersonalData(dataSource, storage, now)),
          new TestClockResolver(clock),
        ],
        references: {
          Incident: byIds((ids) => incidents.findByIds(ids)),
          Device: (reference) => new DeviceReference(reference.id),
        },
      });
      // Background work starts with the server only: printing SDL never connects to Redis.
      let runtime: Awaited<ReturnType<typeof startIncidentsRuntime>> | undefined;
      let retention: AttachmentRetentionSweep | undefined;
      return {
        ...schema,
        routes: attachmentRoutes(attachments, { principalSecrets: authConfig().principalSecrets }),
        start: async () => {
          await clock.start();
          runtime = await startIncidentsRuntime({
            dataSource,
            escalations,
            prefix: options.queuePrefix ?? queuePrefix(),
            pollMs: options.outboxPollMs,
            webhooks: { config: webhookConfig, send: options.webhooks?.send },
            now,
            transportNow: options.now,
            onClockChange: (listener) => clock.onChange(listener),
          });
          // Files whose retention ran out (CDRs 90 days after the case closed) are deleted, never under a legal hold.
          retention = startAttachmentRetention({
            dataSource,
            storage,
            retention: attachmentRetentionFromEnv(),
            legalHolds: legalHoldsFrom(customers),
            now,
            prefix: options.queuePrefix ?? queuePrefix(),
          });
        },
        close: async () => {
          await retention?.stop();
          await runtime?.close();
          await clock.close();
          if (!options.objectStorage) await storage.close();
        },
      };
    },
  };
}

export const incidentsSubgraph: SubgraphDefinition = createIncidentsSubgraph();
