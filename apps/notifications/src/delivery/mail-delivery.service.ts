import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { NOTICE_KINDS, type NoticeKind } from '../notice/notification-category';
import type { MailContent } from '../render/mail-content';
import { renderMail } from '../render/mail-templates';
import { bounceAddress, signUnsubscribeToken, type UnsubscribeScope } from '../unsubscribe/mail-link-token';
import { MailBounce } from './mail-bounce.entity';
import { MailDelivery } from './mail-delivery.entity';
import { MailDeliveryStatus } from './mail-delivery-status';
import { bouncedAddresses } from './notification-fanout';
import type { MailSender } from './smtp-sender';

export type DeliverySettings = { from: string; domain: string; linkSecret: string; publicBaseUrl: string };

export type AttemptResult = { outcome: 'SENT' | 'FAILED' | 'BOUNCED' | 'SUPPRESSED' | 'SETTLED' } | { outcome: 'RETRY'; error: string };

const clip = (text: string, length = 500) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** What the footer link of a mail turns off: its category, or everything for digests. */
function unsubscribeScope(content: MailContent): UnsubscribeScope | null {
  if (content.type === 'notice') return NOTICE_KINDS[content.notice.kind as NoticeKind];
  if (content.type === 'digest') return 'ALL';
  return null;
}

/**
 * One send attempt of one delivery: render it once (stored, so a retry after a crash sends the
 * same mail with the same Message-ID), send it, and record the outcome. A delivery that is no
 * longer PENDING is never sent again; an address with a hard bounce is never sent to.
 */
export class MailDeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: MailSender,
    private readonly settings: DeliverySettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  unsubscribeUrl(delivery: Pick<MailDelivery, 'contactId' | 'customerId'>, scope: UnsubscribeScope): string | null {
    if (!delivery.customerId) return null;
    const token = signUnsubscribeToken({ contactId: delivery.contactId, customerId: delivery.customerId, scope }, this.settings.linkSecret);
    return `${this.settings.publicBaseUrl}/unsubscribe?token=${token}`;
  }

  /** Renders and stores the mail unless an earlier attempt already did; returns the stored row. */
  async render(delivery: MailDelivery): Promise<MailDelivery> {
    if (delivery.renderedAt) return delivery;
    const content = JSON.parse(delivery.content) as MailContent;
    const scope = unsubscribeScope(content);
    const mail = renderMail(content, {
      name: delivery.recipientName,
      timeZone: delivery.timeZone,
      locale: delivery.locale,
      unsubscribeUrl: scope ? this.unsubscribeUrl(delivery, scope) : null,
    });
    await this.dataSource
      .getRepository(MailDelivery)
      .update(
        { id: delivery.id, renderedAt: IsNull() },
        { subject: clip(mail.subject, 300), html: mail.html, text: mail.text, renderedAt: this.now() },
      );
    return this.dataSource.getRepository(MailDelivery).findOneByOrFail({ id: delivery.id });
  }

  async attempt(deliveryId: string, attempt: number, maxAttempts: number): Promise<AttemptResult> {
    const found = await this.dataSource.getRepository(MailDelivery).findOneBy({ id: deliveryId });
    if (!found || found.status !== MailDeliveryStatus.PENDING) return { outcome: 'SETTLED' };
    if ((await bouncedAddresses(this.dataSource, [found.toAddress.toLowerCase()])).size > 0) {
      await this.settle(this.dataSource.manager, found.id, {
        status: MailDeliveryStatus.SUPPRESSED,
        lastError: 'The address bounced before; no mail is sent to it',
      });
      return { outcome: 'SUPPRESSED' };
    }
    const delivery = await this.render(found);
    const content = JSON.parse(delivery.content) as MailContent;
    const scope = unsubscribeScope(content);
    const unsubscribe = scope ? this.unsubscribeUrl(delivery, scope) : null;
    const headers: Record<string, string> = {
      // RFC 3834: tells auto-responders not to answer.
      'Auto-Submitted': content.type === 'serial-list-reply' ? 'auto-replied' : 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    };
    if (unsubscribe) {
      // RFC 8058 one-click unsubscribe: the mail client POSTs to the same address.
      headers['List-Unsubscribe'] = `<${unsubscribe}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const result = await this.sender.send({
      from: this.settings.from,
      to: delivery.toAddress,
      subject: delivery.subject ?? '',
      html: delivery.html ?? '',
      text: delivery.text ?? '',
      messageId: delivery.messageId,
      envelopeFrom: bounceAddress(delivery.id, this.settings.domain, this.settings.linkSecret),
      headers,
      inReplyTo: delivery.inReplyTo,
    });
    switch (result.outcome) {
      case 'SENT':
        await this.settle(this.dataSource.manager, delivery.id, {
          status: MailDeliveryStatus.SENT,
          attempts: attempt,
          lastError: null,
          sentAt: this.now(),
        });
        return { outcome: 'SENT' };
      case 'REJECTED':
        if (result.recipient) {
          await this.recordHardBounce(delivery, result.response, 'SMTP', attempt);
          return { outcome: 'BOUNCED' };
        }
        await this.settle(this.dataSource.manager, delivery.id, {
          status: MailDeliveryStatus.FAILED,
          attempts: attempt,
          lastError: clip(result.response),
        });
        return { outcome: 'FAILED' };
      case 'RETRY':
        if (attempt >= maxAttempts) {
          await this.settle(this.dataSource.manager, delivery.id, {
            status: MailDeliveryStatus.FAILED,
            attempts: attempt,
            lastError: clip(result.response),
          });
          return { outcome: 'FAILED' };
        }
        await this.dataSource
          .getRepository(MailDelivery)
          .update({ id: delivery.id, status: MailDeliveryStatus.PENDING }, { attempts: attempt, lastError: clip(result.response) });
        return { outcome: 'RETRY', error: result.response };
    }
  }

  /** The address refused the mail for good: stop all mail to it until staff reinstate it. */
  async recordHardBounce(
    delivery: Pick<MailDelivery, 'id' | 'toAddress'>,
    diagnostic: string,
    source: 'SMTP' | 'DSN',
    attempt?: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(MailBounce, {
        id: randomUUID(),
        email: delivery.toAddress.toLowerCase(),
        kind: 'HARD',
        source,
        diagnostic: clip(diagnostic || 'refused'),
        deliveryId: delivery.id,
        occurredAt: this.now(),
        clearedAt: null,
        clearedBy: null,
      });
      await manager.update(
        MailDelivery,
        { id: delivery.id },
        { status: MailDeliveryStatus.BOUNCED, lastError: clip(diagnostic || 'refused'), ...(attempt ? { attempts: attempt } : {}) },
      );
    });
  }

  /** Changes a delivery only while it is PENDING: whichever attempt settles it first wins. */
  private async settle(manager: EntityManager, deliveryId: string, changes: Partial<MailDelivery>): Promise<boolean> {
    const result = await manager.update(MailDelivery, { id: deliveryId, status: MailDeliveryStatus.PENDING }, changes);
    return result.affected === 1;
  }
}
