import type { DataSource } from 'typeorm';
import { InboundMail } from '../inbound/inbound-mail.entity';
import { MailDelivery } from './mail-delivery.entity';

/** Reads of the delivery log and the inbound log. */
export class MailLog {
  constructor(private readonly dataSource: DataSource) {}

  forContact(contactId: string, limit: number): Promise<MailDelivery[]> {
    return this.dataSource.getRepository(MailDelivery).find({
      where: { contactId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      select: {
        id: true,
        contactId: true,
        customerId: true,
        toAddress: true,
        kind: true,
        timeZone: true,
        status: true,
        subject: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    });
  }

  inbound(limit: number): Promise<InboundMail[]> {
    return this.dataSource.getRepository(InboundMail).find({ order: { receivedAt: 'DESC', id: 'ASC' }, take: limit });
  }
}
