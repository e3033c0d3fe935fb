import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access, CUSTOMER_USERS, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { CustomerReference } from '../incident/incident.resolver';
import { SecurityNotice } from './security-notice.entity';
import { SecurityNoticeRecipient } from './security-notice-recipient.entity';
import { SecurityNoticeStatus } from './security-notice-enums';
import { MAX_NOTICES, SecurityNoticeService } from './security-notice.service';
import { RecordSecurityNoticeInput } from './dto/record-security-notice.input';

/** ISMS: "In the event that an incident is identified ... the Customer will be notified in a timely fashion." */
@Resolver(() => SecurityNotice)
export class SecurityNoticeResolver {
  constructor(private readonly notices: SecurityNoticeService) {}

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => [SecurityNotice], {
    description:
      'Security and privacy notices, newest first. Customers’ admins and technicians see the published notices affecting their customers; vendor staff see every notice, drafts included.',
  })
  securityNotices(
    @Ctx() { principal }: SubgraphContext,
    @Arg('customerId', () => ID, { nullable: true, description: 'Only notices affecting this customer.' }) customerId?: string,
    @Arg('status', () => SecurityNoticeStatus, { nullable: true }) status?: SecurityNoticeStatus,
    @Arg('first', () => Int, { defaultValue: 50, description: `1 to ${MAX_NOTICES}.` }) first = 50,
  ): Promise<SecurityNotice[]> {
    this.notices.assertFirst(first);
    return this.notices.list(principal, { customerId, status, first });
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Query(() => SecurityNotice, {
    nullable: true,
    description: 'One notice; null when the caller may not see it (a customer it does not affect, or a draft).',
  })
  securityNotice(@Arg('id', () => ID) id: string, @Ctx() { principal }: SubgraphContext): Promise<SecurityNotice | null> {
    return this.notices.findVisible(principal, id);
  }

  @Access(SUPPORT)
  @Mutation(() => SecurityNotice, {
    description: 'Records a security or privacy incident notice and the customers it affects, as a draft.',
  })
  recordSecurityNotice(
    @Arg('input', () => RecordSecurityNoticeInput) input: RecordSecurityNoticeInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<SecurityNotice> {
    return this.notices.record(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => SecurityNotice, {
    description:
      'Publishes a draft notice: the affected customers see it, and each receives a security-notice.published event (subscription securityNoticePublished, partner webhooks).',
  })
  publishSecurityNotice(@Arg('id', () => ID) id: string, @Ctx() { principal }: SubgraphContext): Promise<SecurityNotice> {
    return this.notices.publish(id, principal);
  }

  @Access(CUSTOMER_USERS)
  @Mutation(() => SecurityNotice, {
    description: 'Acknowledges a notice for the caller’s affected customers (or the one named); the first acknowledgement is kept.',
  })
  acknowledgeSecurityNotice(
    @Arg('noticeId', () => ID) noticeId: string,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | undefined,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<SecurityNotice> {
    return this.notices.acknowledge(principal, noticeId, customerId);
  }

  @FieldResolver(() => [SecurityNoticeRecipient], {
    description: 'The affected customers and their acknowledgements (a customer sees only its own).',
  })
  recipients(@Root() notice: SecurityNotice): Promise<SecurityNoticeRecipient[]> {
    return this.notices.recipientsOf(notice.id);
  }
}

@Resolver(() => SecurityNoticeRecipient)
export class SecurityNoticeRecipientResolver {
  @FieldResolver(() => CustomerReference)
  customer(@Root() recipient: SecurityNoticeRecipient) {
    return new CustomerReference(recipient.customerId);
  }
}
