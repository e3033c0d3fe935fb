import { OutboxEvent } from '@polyplus/events';
import { Incident } from './incident/incident.entity';
import { IncidentAuditEntry } from './incident/incident-audit-entry.entity';
import { Escalation } from './escalation/escalation.entity';
import { PartnerIncidentRequest } from './partner/partner-request.entity';
import { PartnerStatusUpdate } from './partner/partner-status-update.entity';
import { PartnerEntitlementCheck } from './partner/partner-entitlement-check.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { KnowledgeArticleProduct } from './knowledge/knowledge-article-product.entity';
import { WebhookEndpoint } from './webhook/webhook-endpoint.entity';
import { WebhookDelivery } from './webhook/webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook/webhook-delivery-attempt.entity';
import { IncidentClockPause } from './case-clock/clock-pause.entity';
import { IncidentSeverityChange } from './case-clock/severity-change.entity';
import { IncidentConsumedEvent } from './case-clock/consumed-event.entity';
import { Attachment } from './attachment/attachment.entity';
import { AttachmentDownload } from './attachment/attachment-download.entity';
import { IncidentComment } from './comment/incident-comment.entity';
import { SecurityNotice } from './security-notice/security-notice.entity';
import { SecurityNoticeRecipient } from './security-notice/security-notice-recipient.entity';
import { CreateIncidents1795533939999 } from './migrations/1795533939999-create-incidents';
import { IncidentManagement1795537885724 } from './migrations/1795537885724-incident-management';
import { PartnerWebhooks1795546377393 } from './migrations/1795546377393-partner-webhooks';
import { SecurityNotices1796168853538 } from './migrations/1796168853538-security-notices';
import { CaseAttachmentsAndComments1796168517463 } from './migrations/1796168517463-case-attachments-and-comments';
import { SealedWebhookSecrets1796170729830 } from './migrations/1796170729830-sealed-webhook-secrets';
import { CaseClocks1796171280273 } from './migrations/1796171280273-case-clocks';
import { OutboxTraceContext1796180067697 } from './migrations/1796180067697-outbox-trace-context';

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
