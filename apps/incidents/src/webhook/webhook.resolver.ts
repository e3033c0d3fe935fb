import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Access, SUPPORT } from '@polyplus/subgraph-kit';
import type { SubgraphContext } from '@polyplus/subgraph-kit';
import { RegisterWebhookEndpointInput } from './dto/register-webhook-endpoint.input';
import { assertWebhookCaller } from './webhook-access';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types';

@ObjectType('WebhookEndpointWithSecret', { description: 'The only time an endpoint’s signing secret is shown.' })
export class WebhookEndpointWithSecret {
  @Field(() => WebhookEndpoint)
  endpoint: WebhookEndpoint;

  @Field(() => String, { description: 'Verify `webhook-signature` with it (HMAC-SHA256, Standard Webhooks v1); store it now.' })
  secret: string;
}

/** Partner systems manage their webhook endpoints and read their delivery log; staff see all. */
@Resolver(() => WebhookDelivery)
export class WebhookResolver {
  constructor(private readonly webhooks: WebhookEndpointService) {}

  @Access(SUPPORT, 'PARTNER')
  @Query(() => [String], { description: 'Event types a webhook endpoint may subscribe to.' })
  webhookEventTypes(@Ctx() { principal }: SubgraphContext): string[] {
    assertWebhookCaller(principal);
    return [...WEBHOOK_EVENT_TYPES];
  }

  @Access(SUPPORT, 'PARTNER')
  @Query(() => [WebhookEndpoint], { description: 'A partner’s own endpoints; every endpoint for vendor staff.' })
  webhookEndpoints(@Ctx() { principal }: SubgraphContext): Promise<WebhookEndpoint[]> {
    return this.webhooks.list(principal);
  }

  @Access(SUPPORT, 'PARTNER')
  @Query(() => [WebhookDelivery], { description: 'The delivery log of an endpoint, newest first.' })
  webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<WebhookDelivery[]> {
    return this.webhooks.deliveries(principal, endpointId, first);
  }

  @Access(SUPPORT, 'PARTNER')
  @Mutation(() => WebhookEndpointWithSecret, { description: 'Registers an endpoint for the calling partner; the secret is returned once.' })
  registerWebhookEndpoint(
    @Arg('input', () => RegisterWebhookEndpointInput) input: RegisterWebhookEndpointInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.register(principal, input);
  }

  @Access(SUPPORT, 'PARTNER')
  @Mutation(() => WebhookEndpoint)
  disableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() { principal }: SubgraphContext): Promise<WebhookEndpoint> {
    return this.webhooks.disable(principal, id);
  }

  @Access(SUPPORT, 'PARTNER')
  @Mutation(() => WebhookEndpoint, { description: 'Re-enables an endpoint (after a check of its URL) and resets its failure count.' })
  enableWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() { principal }: SubgraphContext): Promise<WebhookEndpoint> {
    return this.webhooks.enable(principal, id);
  }

  @Access(SUPPORT, 'PARTNER')
  @Mutation(() => WebhookEndpointWithSecret, {
    description: 'A new signing secret, returned once; the previous one keeps signing for an overlap period.',
  })
  rotateWebhookEndpointSecret(@Arg('id', () => ID) id: string, @Ctx() { principal }: SubgraphContext): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.rotateSecret(principal, id);
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every attempt, oldest first: time, duration, status code, error.' })
  attempts(@Root() delivery: WebhookDelivery): Promise<WebhookDeliveryAttempt[]> {
    return this.webhooks.attemptsOf(delivery.id);
  }
}
