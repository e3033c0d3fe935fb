import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { assertSafeWebhookUrl, generateWebhookSecret, UnsafeWebhookUrlError } from '@polyplus/webhooks';
import type { WebhookConfig } from './webhook-config';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointStatus } from './webhook-endpoint-status';
import { WebhookSecrets } from './webhook-secrets';
import { newWebhookEndpoint } from './new-webhook-endpoint';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';
import { assertPartner, assertWebhookCaller, mayManageEndpoint } from './webhook-access';
import type { RegisterWebhookEndpointInput } from './dto/register-webhook-endpoint.input';

export type EndpointWithSecret = { endpoint: WebhookEndpoint; secret: string };

/** Partners' webhook endpoints: registration, secrets, on/off, and the delivery log. */
export class WebhookEndpointService {
  private readonly secrets: WebhookSecrets;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: Pick<WebhookConfig, 'allowPrivateHosts' | 'secretOverlapMs' | 'keyring'>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.secrets = new WebhookSecrets(config.keyring);
  }

  private get endpoints() {
    return this.dataSource.getRepository(WebhookEndpoint);
  }

  async register(principal: Principal | undefined, input: RegisterWebhookEndpointInput): Promise<EndpointWithSecret> {
    const partner = assertPartner(principal);
    const eventTypes = [...new Set(input.eventTypes.map((type) => type.trim()))];
    const unknown = eventTypes.filter((type) => !WEBHOOK_EVENT_TYPES.includes(type));
    if (unknown.length > 0) throw badUserInput(`Unknown event types: ${unknown.join(', ')}; see webhookEventTypes`, 'eventTypes');
    const url = await this.checkUrl(input.url.trim());
    const secret = generateWebhookSecret();
    const id = randomUUID();
    const endpoint = newWebhookEndpoint({
      id,
      partnerId: partner.subject,
      url,
      eventTypes,
      customerIds: [...partner.customerIds],
      secret: this.secrets.seal(id, secret),
      createdAt: this.now(),
    });
    await this.endpoints.insert(endpoint);
    return { endpoint, secret };
  }

  list(principal: Principal | undefined): Promise<WebhookEndpoint[]> {
    const caller = assertWebhookCaller(principal);
    return this.endpoints.find({ where: caller.role === 'PARTNER' ? { partnerId: caller.subject } : {}, order: { createdAt: 'ASC' } });
  }

  /** Another partner's endpoint is NOT_FOUND, exactly like an unknown id. */
  async get(principal: Principal | undefined, id: string): Promise<WebhookEndpoint> {
    const caller = assertWebhookCaller(principal);
    const endpoint = await this.endpoints.findOneBy({ id });
    if (!endpoint || !mayManageEndpoint(caller, endpoint.partnerId)) throw notFound('WebhookEndpoint', id);
    return endpoint;
  }

  async disable(principal: Principal | undefined, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.get(principal, id);
    if (endpoint.status === WebhookEndpointStatus.DISABLED) return endpoint;
    const changes = {
      status: WebhookEndpointStatus.DISABLED,
      disabledAt: this.now(),
      disabledReason: `Disabled by ${actorOf(assertWebhookCaller(principal))}`,
    };
    await this.endpoints.update({ id }, changes);
    return Object.assign(endpoint, changes);
  }

  /** Re-checks the URL; a partner re-enabling also refreshes which customers it is authorised for. */
  async enable(principal: Principal | undefined, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.get(principal, id);
    await this.checkUrl(endpoint.url);
    const changes = {
      status: WebhookEndpointStatus.ACTIVE,
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
      ...(principal?.role === 'PARTNER' ? { customerIds: [...principal.customerIds] } : {}),
    };
    await this.endpoints.update({ id }, changes);
    return Object.assign(endpoint, changes);
  }

  /** A new secret, shown once; the previous one keeps signing for the overlap so the partner can roll it out. */
  async rotateSecret(principal: Principal | undefined, id: string): Promise<EndpointWithSecret> {
    assertPartner(principal);
    const endpoint = await this.get(principal, id);
    const secret = generateWebhookSecret();
    // Both columns are sealed for this endpoint: the current secret becomes the previous one as it is.
    const changes = {
      secret: this.secrets.seal(id, secret),
      previousSecret: endpoint.secret,
      previousSecretExpiresAt: new Date(this.now().getTime() + this.config.secretOverlapMs),
    };
    await this.endpoints.update({ id }, changes);
    return { endpoint: Object.assign(endpoint, changes), secret };
  }

  /** The newest deliveries first, at most 100. */
  async deliveries(principal: Principal | undefined, endpointId: string, first: number): Promise<WebhookDelivery[]> {
    await this.get(principal, endpointId);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw badUserInput('first must be between 1 and 100', 'first');
    return this.dataSource
      .getRepository(WebhookDelivery)
      .find({ where: { endpointId }, order: { createdAt: 'DESC', id: 'ASC' }, take: first });
  }

  attemptsOf(deliveryId: string): Promise<WebhookDeliveryAttempt[]> {
    return this.dataSource.getRepository(WebhookDeliveryAttempt).find({ where: { deliveryId }, order: { sequence: 'ASC' } });
  }

  private async checkUrl(url: string): Promise<string> {
    try {
      return (await assertSafeWebhookUrl(url, { allowPrivateHosts: this.config.allowPrivateHosts })).url.toString();
    } catch (error) {
      if (error instanceof UnsafeWebhookUrlError) throw badUserInput(`The webhook URL is refused: ${error.message}`, 'url');
      throw error;
    }
  }
}
