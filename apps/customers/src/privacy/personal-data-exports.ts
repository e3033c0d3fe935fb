import type { ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import type { PersonalDataPeer } from '@polyplus/privacy';
import { forbidden, notFound } from '@polyplus/subgraph-kit';
import { Customer } from '../customer/customer.entity';
import { Contact } from '../contact/contact.entity';
import { PrivacyAuditEntry } from './privacy-audit-entry.entity';
import { checkedReason } from './privacy-reason';
import { EXPORT_PATH_PREFIX, type ExportLinks } from './export-link';
import { personalDataRecords, writePersonalDataExport } from './personal-data-export';

export type ExportRequest = { customerId: string; contactId?: string | null; reason: string };

export type ExportLink = { downloadUrl: string; expiresAt: Date };

/** Who may have a customer's personal data exported: support engineers (and services acting for them). */
const EXPORTERS = new Set(['SUPPORT_ENGINEER', 'SERVICE']);

/**
 * Exports of everything the product holds about a customer or one of its contacts. Support staff
 * ask with a reason (audited) and get a short-lived link bound to them; following it streams the
 * JSON document from every service, page by page, never holding it whole.
 */
export class PersonalDataExports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly peers: readonly PersonalDataPeer[],
    private readonly links: ExportLinks,
    private readonly options: { now?: () => Date; publicBaseUrl?: string } = {},
  ) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async request(principal: Principal, request: ExportRequest): Promise<ExportLink> {
    const reason = checkedReason(request.reason);
    const contactId = request.contactId ?? null;
    await this.assertSubject(request.customerId, contactId);
    const actor = actorOf(principal);
    await this.dataSource
      .getRepository(PrivacyAuditEntry)
      .insert({ at: this.now(), actor, action: 'PERSONAL_DATA_EXPORT_REQUESTED', customerId: request.customerId, contactId, reason });
    const { token, expiresAt } = this.links.sign({ customerId: request.customerId, contactId, actor });
    return { downloadUrl: `${this.options.publicBaseUrl ?? ''}${EXPORT_PATH_PREFIX}${token}`, expiresAt };
  }

  /** Streams the export a link names to its caller; refusals come before the first byte. */
  async stream(principal: Principal, token: string, response: ServerResponse): Promise<void> {
    if (!EXPORTERS.has(principal.role)) throw forbidden('Personal-data exports are for support staff');
    const actor = actorOf(principal);
    const claims = this.links.verify(token, actor);
    await this.assertSubject(claims.customerId, claims.contactId);
    const contact = claims.contactId ? await this.dataSource.getRepository(Contact).findOneByOrFail({ id: claims.contactId }) : null;
    const exportedAt = this.now();
    await this.dataSource.getRepository(PrivacyAuditEntry).insert({
      at: exportedAt,
      actor,
      action: 'PERSONAL_DATA_EXPORTED',
      customerId: claims.customerId,
      contactId: claims.contactId,
      reason: 'export link followed',
    });
    const name = `personal-data-${claims.contactId ? `contact-${claims.contactId}` : `customer-${claims.customerId}`}.json`;
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    const subject = { customerId: claims.customerId, contactId: claims.contactId, email: contact?.email ?? null };
    await writePersonalDataExport(response, personalDataRecords(this.dataSource, this.peers, subject), {
      exportedAt,
      subject: { customerId: claims.customerId, contactId: claims.contactId },
    });
    response.end();
  }

  /** The customer exists, and the contact (when named) is one of its contacts; anything else is NOT_FOUND. */
  private async assertSubject(customerId: string, contactId: string | null): Promise<void> {
    if (!(await this.dataSource.getRepository(Customer).existsBy({ id: customerId }))) throw notFound('Customer', customerId);
    if (contactId && !(await this.dataSource.getRepository(Contact).existsBy({ id: contactId, customerId })))
      throw notFound('Contact', contactId);
  }
}
