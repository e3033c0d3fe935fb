import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointStatus } from './webhook-endpoint-status';

export type EndpointRegistration = Pick<
  WebhookEndpoint,
  'id' | 'partnerId' | 'url' | 'eventTypes' | 'customerIds' | 'secret' | 'createdAt'
>;

/** A newly registered endpoint: active, with no failures, no previous secret and nothing disabled yet. */
export function newWebhookEndpoint(registration: EndpointRegistration): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    ...registration,
    previousSecret: null,
    previousSecretExpiresAt: null,
    status: WebhookEndpointStatus.ACTIVE,
    consecutiveFailures: 0,
    disabledReason: null,
    disabledAt: null,
  });
}
