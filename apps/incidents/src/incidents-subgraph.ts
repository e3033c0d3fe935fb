import { placeCalendars, type ResolutionTargets, type WeeklyHours } from '@polyplus/business-calendar';
import { createServiceClock, type ServiceClock } from '@polyplus/clock';
import { queuePrefix } from '@polyplus/events';
import {
  backgroundPart,
  buildFederatedSchema,
  byIds,
  clockPart,
  createSubgraphClient,
  defineSubgraph,
  releasePart,
  subgraphUrl,
  type SubgraphClient,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { Incident } from './incident/incident.entity';
import { DeviceIncidentsResolver, DeviceReference, IncidentResolver } from './incident/incident.resolver';
import { IncidentLifecycleResolver } from './incident/incident-lifecycle.resolver';
import { IncidentService } from './incident/incident.service';
import { IncidentLifecycleService } from './incident/incident-lifecycle.service';
import { EntitlementDirectory } from './incident/entitlement-directory';
import { CustomerDirectory } from './incident/customer-directory';
import { EscalationService } from './escalation/escalation.service';
import type { EscalationPolicy } from './escalation/escalation-policy';
import { escalationPolicyFromEnv } from './escalation/escalation-policy-config';
import { PartnerSupportService } from './partner/partner-support.service';
import { PartnerSupportResolver } from './partner/partner-support.resolver';
import { KnowledgeBaseService } from './knowledge/knowledge-base.service';
import { KnowledgeBaseResolver } from './knowledge/knowledge-base.resolver';
import { incidentsBackground } from './runtime/incidents-runtime';
import { INCIDENTS_ENTITIES, INCIDENTS_MIGRATIONS } from './incidents-database';
import { WebhookEndpointService } from './webhook/webhook-endpoint.service';
import { WebhookResolver } from './webhook/webhook.resolver';
import { webhookConfigFromEnv, type WebhookConfig } from './webhook/webhook-config';
import type { SendWebhook } from './webhook/webhook-sender';
import { CaseClockService } from './case-clock/case-clock.service';
import { CaseClockResolver } from './case-clock/case-clock.resolver';
import { contactTimePolicyFromEnv, type ContactTimePolicy } from './case-clock/contact-time';
import { resolutionTargetsFromEnv } from './case-clock/resolution-targets-config';
import { TestClockResolver } from './test-clock/test-clock.resolver';
import { authConfig } from '@polyplus/auth';
import { createObjectStorage, type EncryptedObjectStorage } from '@polyplus/object-storage';
import { Attachment } from './attachment/attachment.entity';
import { AttachmentService } from './attachment/attachment.service';
import { AttachmentResolver, IncidentAttachmentsResolver } from './attachment/attachment.resolver';
import { attachmentRoutes } from './attachment/attachment-http';
import { attachmentConfigFromEnv, type AttachmentConfig } from './attachment/attachment-config';
import { CaseContributors } from './attachment/case-contributors';
import { attachmentRetentionFromEnv, legalHoldsFrom, startAttachmentRetention } from './attachment/attachment-retention';
import { IncidentComment } from './comment/incident-comment.entity';
import { IncidentCommentService } from './comment/incident-comment.service';
import { IncidentCommentResolver } from './comment/incident-comment.resolver';
import { SecurityNoticeRecipient } from './security-notice/security-notice-recipient.entity';
import { SecurityNoticeRecipientResolver, SecurityNoticeResolver } from './security-notice/security-notice.resolver';
import { SecurityNoticeService } from './security-notice/security-notice.service';
import { CustomerRegistry } from './security-notice/customer-registry';
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

/** The incidents subgraph; its background work (outbox relay, escalation timers) runs only over an opened database. */
export function createIncidentsSubgraph(options: IncidentsSubgraphOptions = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'incidents',
    database: { entities: INCIDENTS_ENTITIES, migrations: INCIDENTS_MIGRATIONS },
    async build(dataSource) {
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
      const prefix = options.queuePrefix ?? queuePrefix();
      const events = incidentsBackground({
        dataSource,
        escalations,
        prefix,
        pollMs: options.outboxPollMs,
        webhooks: { config: webhookConfig, send: options.webhooks?.send },
        now,
        transportNow: options.now,
        onClockChange: (listener) => clock.onChange(listener),
      });
      return {
        ...schema,
        routes: attachmentRoutes(attachments, { principalSecrets: authConfig().principalSecrets }),
        background: [
          // A storage the tests pass in is theirs to close.
          ...(options.objectStorage ? [] : [releasePart('object storage', () => storage.close())]),
          clockPart(clock),
          ...events.parts,
          // Files whose retention ran out (CDRs 90 days after the case closed) are deleted, never under a legal hold.
          backgroundPart('attachment retention sweep', () => {
            const retention = startAttachmentRetention({
              dataSource,
              storage,
              retention: attachmentRetentionFromEnv(),
              legalHolds: legalHoldsFrom(customers),
              now,
              prefix,
            });
            return () => retention.stop();
          }),
        ],
      };
    },
  });
}

export const incidentsSubgraph: SubgraphDefinition = createIncidentsSubgraph();
