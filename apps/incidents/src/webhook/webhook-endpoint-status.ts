import { registerEnumType } from 'type-graphql';

/** ACTIVE endpoints receive deliveries; DISABLED ones (by the partner, staff, or after sustained failure) do not. */
export enum WebhookEndpointStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

registerEnumType(WebhookEndpointStatus, { name: 'WebhookEndpointStatus' });
