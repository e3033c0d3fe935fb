import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf } from '@polyplus/auth';
import { Access, badUserInput, CUSTOMER_USERS, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import type { MailLog } from '../delivery/mail-log';
import { InboundMail } from '../inbound/inbound-mail.entity';
import { ContactReference } from './contact-reference';
import { SetNotificationPreferencesInput } from './dto/set-notification-preferences.input';
import type { NotificationPreferenceService } from './notification-preference.service';
import { NotificationPreferences } from './notification-preferences.type';
import { verifyUnsubscribeToken } from '../unsubscribe/mail-link-token';

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badUserInput('limit must be between 1 and 500', 'limit');
}

/** Contributes the mail fields to Contact: what the contact receives and what was sent to them. */
@Resolver(() => ContactReference)
export class ContactMailResolver {
  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly log: MailLog,
  ) {}

  @FieldResolver(() => NotificationPreferences)
  notificationPreferences(@Root() contact: ContactReference): Promise<NotificationPreferences> {
    return this.preferences.forContact(contact.id, contact.customerId, contact.email);
  }

  @FieldResolver(() => [MailDelivery], { description: 'Mails to this contact, newest first (1-500).' })
  mailDeliveries(@Root() contact: ContactReference, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<MailDelivery[]> {
    assertLimit(limit);
    return this.log.forContact(contact.id, limit);
  }
}

@Resolver()
export class NotificationPreferencesResolver {
  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly log: MailLog,
    private readonly linkSecret: string,
  ) {}

  @Access('PUBLIC', SUPPORT, CUSTOMER_USERS)
  @Mutation(() => Boolean, {
    description:
      'Turns off what an unsubscribe link names (a category, or all mail) for its contact; no sign-in needed. BAD_USER_INPUT for a token that is not genuine (up to 300 characters).',
  })
  async unsubscribe(@Arg('token', () => String) token: string): Promise<boolean> {
    const claim = token.length <= 300 ? verifyUnsubscribeToken(token, this.linkSecret) : null;
    if (!claim) throw badUserInput('The unsubscribe token is not valid', 'token');
    await this.preferences.unsubscribe(claim);
    return true;
  }

  @Access(SUPPORT, CUSTOMER_USERS)
  @Mutation(() => NotificationPreferences, {
    description: 'Sets what a contact receives by e-mail. Customer users change only their own; staff anyone’s.',
  })
  setNotificationPreferences(
    @Arg('input', () => SetNotificationPreferencesInput) input: SetNotificationPreferencesInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<NotificationPreferences> {
    return this.preferences.set(input, principal, actorOf(principal));
  }

  @Access(SUPPORT)
  @Mutation(() => Int, {
    description: 'Clears the hard bounces of an address (up to 254 characters) once it works again; returns how many were cleared.',
  })
  reinstateMailAddress(@Arg('email', () => String) email: string, @Ctx() { principal }: SubgraphContext): Promise<number> {
    if (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email.trim()))
      throw badUserInput('email must be an e-mail address of up to 254 characters', 'email');
    return this.preferences.reinstateAddress(email, actorOf(principal));
  }

  @Access(SUPPORT)
  @Query(() => [InboundMail], { description: 'Mails received at the serial-list address, newest first (1-500), and what became of them.' })
  inboundMails(@Arg('limit', () => Int, { defaultValue: 50 }) limit: number): Promise<InboundMail[]> {
    assertLimit(limit);
    return this.log.inbound(limit);
  }
}
