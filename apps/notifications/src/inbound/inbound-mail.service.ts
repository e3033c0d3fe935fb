import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { DataSource } from 'typeorm';
import { isDuplicateEntry } from '@polyplus/persistence';
import type { CustomerDirectory, DirectoryContact, DirectoryCustomer, DirectorySite } from '../directory/customer-directory';
import type { DeviceRegistry } from '../directory/device-registry';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import { MailDeliveryStatus } from '../delivery/mail-delivery-status';
import type { MailDeliveryService } from '../delivery/mail-delivery.service';
import { newDelivery } from '../delivery/notification-fanout';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import type { SerialListReply, SerialReplyRow } from '../render/mail-content';
import { DEFAULT_LOCALE } from '../render/mail-time';
import { deliveryOfBounceAddress } from '../unsubscribe/mail-link-token';
import { authenticationVerdicts, failsAuthentication, type AuthenticationVerdicts } from './authentication-results';
import { readBounceReport } from './bounce-report';
import { InboundMail } from './inbound-mail.entity';
import { serialListOf, siteNamed, type SerialListSource } from './serial-list-source';

export type InboundSettings = {
  serialListAddress: string;
  domain: string;
  linkSecret: string;
  maxAttachmentBytes: number;
  authservId: string | null;
  archiveDir: string | null;
};

/** The SMTP answer to a message: accepted (250), refused for good (5xx) or "try later" (4xx). */
export type InboundVerdict = { accepted: true; replyDeliveryId: string | null } | { accepted: false; code: number; message: string };

type Envelope = { mailFrom: string | null; rcptTo: string[] };

const REFUSED_SENDER =
  'This address accepts serial-number lists only from designated contacts of Poly+ customers; your message was not processed';

function firstAddress(from: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const address = list.flatMap((item) => item.value).find((value) => value.address)?.address;
  return address ? address.trim().toLowerCase() : null;
}

function headerValues(parsed: ParsedMail, name: string): string[] {
  return parsed.headerLines.filter((line) => line.key === name).map((line) => line.line.slice(line.line.indexOf(':') + 1));
}

/** Serial number (as the devices API normalises it) → the line it was on. */
function rowsBySerial(lines: string[]): Map<string, number> {
  const rows = new Map<string, number>();
  lines.forEach((line, index) => {
    const serial = line
      .split(/[,;\t]/)[0]
      ?.trim()
      .toUpperCase();
    if (serial && !rows.has(serial)) rows.set(serial, index + 1);
  });
  return rows;
}

/**
 * Mail received at the serial-list address: a designated contact's list is registered through
 * the devices API (all rows or none) and answered with a reply listing every row; mail from
 * anyone else is refused unread. Delivery status reports sent to a bounce address stop mail to
 * an address that no longer exists. No body or attachment is kept (outside development).
 */
export class InboundMailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
    private readonly registry: DeviceRegistry,
    private readonly deliveries: MailDeliveryService,
    private readonly settings: InboundSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether the receiver takes mail for this recipient at all (checked at RCPT TO). */
  acceptsRecipient(address: string): boolean {
    const normalised = address.trim().toLowerCase();
    return (
      normalised === this.settings.serialListAddress ||
      deliveryOfBounceAddress(normalised, this.settings.domain, this.settings.linkSecret) !== null
    );
  }

  async receive(raw: Buffer, envelope: Envelope): Promise<InboundVerdict> {
    const receivedAt = this.now();
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
    if (this.settings.archiveDir) await this.archive(raw, receivedAt);
    const bounceFor = envelope.rcptTo
      .map((to) => deliveryOfBounceAddress(to, this.settings.domain, this.settings.linkSecret))
      .find((id) => id !== null);
    if (bounceFor) return this.bounce(bounceFor, parsed, raw, receivedAt);
    return this.serialList(parsed, raw, receivedAt);
  }

  private async serialList(parsed: ParsedMail, raw: Buffer, receivedAt: Date): Promise<InboundVerdict> {
    const from = firstAddress(parsed.from);
    const subject = (parsed.subject ?? '').slice(0, 300);
    const verdicts = authenticationVerdicts(headerValues(parsed, 'authentication-results'), this.settings.authservId);
    const dedupeKey = createHash('sha256')
      .update(`${from ?? ''}\n${parsed.messageId ?? createHash('sha256').update(raw).digest('hex')}`)
      .digest('hex');
    if (await this.dataSource.getRepository(InboundMail).existsBy({ dedupeKey })) return { accepted: true, replyDeliveryId: null };
    const record = (fields: Partial<InboundMail>) =>
      Object.assign(new InboundMail(), {
        id: randomUUID(),
        dedupeKey,
        messageId: parsed.messageId?.slice(0, 500) ?? null,
        fromAddress: (from ?? '(none)').slice(0, 254),
        contactId: null,
        customerId: null,
        subject,
        receivedAt,
        ...verdicts,
        detail: null,
        registeredCount: 0,
        refusedCount: 0,
        replyDeliveryId: null,
        sizeBytes: raw.length,
        ...fields,
      });
    if (!from) return this.refuse(record({ outcome: 'UNKNOWN_SENDER', detail: 'No From address' }), 550, REFUSED_SENDER);
    if (failsAuthentication(verdicts)) {
      return this.refuse(
        record({ outcome: 'AUTHENTICATION_FAILED', detail: `spf=${verdicts.spf} dkim=${verdicts.dkim} dmarc=${verdicts.dmarc}` }),
        550,
        'The sender could not be authenticated (SPF/DKIM/DMARC); the message was not processed',
      );
    }
    const contacts = await this.customers.contactsByEmail(from);
    const designated = contacts.filter((contact) => contact.designated);
    if (contacts.length === 0) return this.refuse(record({ outcome: 'UNKNOWN_SENDER' }), 550, REFUSED_SENDER);
    if (designated.length === 0)
      return this.refuse(
        record({ outcome: 'NOT_DESIGNATED', contactId: contacts[0].id, customerId: contacts[0].customerId }),
        550,
        REFUSED_SENDER,
      );

    const contact = designated[0];
    const base = { originalSubject: parsed.subject ?? '', receivedAt: receivedAt.toISOString(), registered: [], refused: [] };
    const attachments = parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      content: attachment.content,
    }));
    let reply: SerialListReply;
    if (designated.length > 1) {
      reply = {
        ...base,
        outcome: 'UNREADABLE',
        source: 'your address',
        siteName: null,
        ignoredAttachments: [],
        explanation:
          'Your address is a designated contact of several customer accounts, so the list cannot be registered by mail; please use the Online Support Center.',
      };
    } else {
      reply = await this.register(contact, parsed.text ?? null, attachments, base);
    }
    const inbound = record({
      contactId: contact.id,
      customerId: contact.customerId,
      outcome: reply.outcome,
      detail: reply.explanation?.slice(0, 500) ?? null,
      registeredCount: reply.registered.length,
      refusedCount: reply.refused.length,
    });
    const delivery = await this.replyDelivery(contact, inbound, reply, parsed.messageId ?? null);
    inbound.replyDeliveryId = delivery.id;
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(InboundMail, inbound);
        await manager.insert(MailDelivery, delivery);
      });
    } catch (error) {
      // The same message delivered twice at once: the first one answers.
      if (isDuplicateEntry(error)) return { accepted: true, replyDeliveryId: null };
      throw error;
    }
    return { accepted: true, replyDeliveryId: delivery.id };
  }

  private async register(
    contact: DirectoryContact,
    text: string | null,
    attachments: { filename: string | null; contentType: string; content: Buffer }[],
    base: Pick<SerialListReply, 'originalSubject' | 'receivedAt' | 'registered' | 'refused'>,
  ): Promise<SerialListReply> {
    const customer = await this.customers.customer(contact.customerId);
    const list: SerialListSource = await serialListOf(text, attachments, this.settings.maxAttachmentBytes);
    const site = customer ? this.siteOf(customer, siteNamed(text)) : { explanation: 'Your customer account could not be found.' };
    if (list.kind === 'UNREADABLE')
      return {
        ...base,
        outcome: 'UNREADABLE',
        source: list.source,
        siteName: null,
        explanation: list.explanation,
        ignoredAttachments: list.ignored,
      };
    if ('explanation' in site)
      return {
        ...base,
        outcome: 'UNREADABLE',
        source: list.source,
        siteName: null,
        explanation: site.explanation,
        ignoredAttachments: list.ignored,
      };
    const result = await this.registry.importSerialList(contact.customerId, site.id, list.lines);
    if (result.outcome === 'REGISTERED') {
      const rows = rowsBySerial(list.lines);
      const registered: SerialReplyRow[] = result.devices
        .map((device) => ({
          row: rows.get(device.serialNumber) ?? 0,
          serialNumber: device.serialNumber,
          productModel: device.productModel,
        }))
        .sort((a, b) => a.row - b.row);
      return {
        ...base,
        outcome: 'REGISTERED',
        source: list.source,
        siteName: site.name,
        registered,
        explanation: null,
        ignoredAttachments: list.ignored,
      };
    }
    const refused: SerialReplyRow[] = result.rows.map((row) => ({
      row: row.row,
      serialNumber: row.serialNumber,
      problem: row.problem,
      message: row.message,
    }));
    return {
      ...base,
      outcome: 'REFUSED',
      source: list.source,
      siteName: site.name,
      refused,
      explanation: refused.length === 0 ? result.message : null,
      ignoredAttachments: list.ignored,
    };
  }

  /** The site a list is for: the one named ("Site: …", by name or id), or the customer's only site. */
  private siteOf(customer: DirectoryCustomer, named: string | null): DirectorySite | { explanation: string } {
    const names = customer.sites.map((site) => site.name).sort();
    if (named) {
      const site = customer.sites.find((candidate) => candidate.id === named || candidate.name.toLowerCase() === named.toLowerCase());
      return site ?? { explanation: `No site of your account is called "${named}"; your sites are: ${names.join(', ')}.` };
    }
    if (customer.sites.length === 1) return customer.sites[0];
    if (customer.sites.length === 0) return { explanation: 'Your account has no site yet; devices are registered at a site.' };
    return { explanation: `Your account has several sites; add a line "Site: name" naming one of: ${names.join(', ')}.` };
  }

  private async replyDelivery(
    contact: DirectoryContact,
    inbound: InboundMail,
    reply: SerialListReply,
    inReplyTo: string | null,
  ): Promise<MailDelivery> {
    const preference = await this.dataSource.getRepository(NotificationPreference).findOneBy({ contactId: contact.id });
    const customer = await this.customers.customer(contact.customerId);
    const timeZone =
      preference?.timeZone ?? [...(customer?.sites ?? [])].sort((a, b) => a.name.localeCompare(b.name))[0]?.timeZone ?? 'UTC';
    return newDelivery(
      {
        sourceKey: `inbound:${inbound.id}`,
        contactId: contact.id,
        customerId: contact.customerId,
        toAddress: contact.email,
        recipientName: contact.name,
        kind: 'SERIAL_LIST_REPLY',
        timeZone,
        locale: preference?.locale ?? DEFAULT_LOCALE,
        content: { type: 'serial-list-reply', reply },
        inReplyTo: inReplyTo?.slice(0, 500) ?? null,
      },
      MailDeliveryStatus.PENDING,
      this.settings.domain,
      inbound.receivedAt,
    );
  }

  private async refuse(inbound: InboundMail, code: number, message: string): Promise<InboundVerdict> {
    await this.dataSource.createQueryBuilder().insert().into(InboundMail).values(inbound).orIgnore().execute();
    return { accepted: false, code, message };
  }

  /** A delivery status report for one of our mails: a permanent failure stops mail to that address. */
  private async bounce(deliveryId: string, parsed: ParsedMail, raw: Buffer, receivedAt: Date): Promise<InboundVerdict> {
    const statusPart = parsed.attachments.find((attachment) => /^message\/(global-)?delivery-status/i.test(attachment.contentType));
    const report = statusPart ? readBounceReport(statusPart.content.toString('utf8')) : null;
    const delivery = await this.dataSource.getRepository(MailDelivery).findOneBy({ id: deliveryId });
    if (report?.permanent && delivery && delivery.status !== MailDeliveryStatus.BOUNCED) {
      await this.deliveries.recordHardBounce(delivery, `${report.status} ${report.diagnostic}`.trim(), 'DSN');
    }
    const dedupeKey = createHash('sha256')
      .update(`bounce\n${parsed.messageId ?? createHash('sha256').update(raw).digest('hex')}`)
      .digest('hex');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(InboundMail)
      .values({
        id: randomUUID(),
        dedupeKey,
        messageId: parsed.messageId?.slice(0, 500) ?? null,
        fromAddress: (firstAddress(parsed.from) ?? 'mailer-daemon').slice(0, 254),
        contactId: delivery?.contactId ?? null,
        customerId: delivery?.customerId ?? null,
        subject: (parsed.subject ?? '').slice(0, 300),
        receivedAt,
        spf: 'none',
        dkim: 'none',
        dmarc: 'none',
        outcome: report?.permanent ? 'BOUNCE_RECORDED' : 'BOUNCE_IGNORED',
        detail: report ? `${report.status} ${report.diagnostic}`.slice(0, 500) : 'No delivery status found',
        registeredCount: 0,
        refusedCount: 0,
        replyDeliveryId: null,
        sizeBytes: raw.length,
      })
      .orIgnore()
      .execute();
    return { accepted: true, replyDeliveryId: null };
  }

  private async archive(raw: Buffer, receivedAt: Date): Promise<void> {
    const directory = this.settings.archiveDir as string;
    await mkdir(directory, { recursive: true });
    await writeFile(join(directory, `${receivedAt.toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`), raw);
  }
}

export type { AuthenticationVerdicts };
