import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { actorOf, canSeeCustomer, type Principal, type Role } from '@polyplus/auth';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { ObjectNotFoundError, type EncryptedObjectStorage } from '@polyplus/object-storage';
import { isDuplicateEntry } from '@polyplus/persistence';
import { conflict, DomainError, forbidden, notFound, serviceUnavailable } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { appendAudit } from '../incident/incident-change';
import { incidentEventState } from '../incident/incident-event-state';
import { Attachment } from './attachment.entity';
import { AttachmentDownload } from './attachment-download.entity';
import { ContentInspector } from './attachment-content';
import type { AttachmentConfig } from './attachment-config';
import { AttachmentLinks, type DownloadClaims, type UploadClaims } from './attachment-link';
import type { AttachmentUpload } from './attachment-upload';
import type { AttachmentKind } from './attachment-kind';
import type { CaseContributors } from './case-contributors';
import type { RequestAttachmentUploadInput } from './dto/request-attachment-upload.input';
import { caseEventIds } from '../incident/case-event-ids';

/** Who moves attachment bytes: support engineers (and services), the customer's admins and technicians. */
export const ATTACHMENT_ROLES: readonly Role[] = ['SUPPORT_ENGINEER', 'SERVICE', 'CUSTOMER_ADMIN', 'CUSTOMER_TECHNICIAN'];

export type AttachmentServiceDeps = {
  storage: EncryptedObjectStorage;
  contributors: CaseContributors;
  config: AttachmentConfig;
  /** When uploads and downloads happen (the service's business clock). */
  now?: () => Date;
  /** When links expire: real time by default, whatever the business clock says. */
  linkClock?: () => Date;
};

/**
 * Files on a case. The bytes never travel through GraphQL: a mutation hands out a short-lived
 * upload link bound to the caller, the case and the declared file; the bytes arrive on that link,
 * are checked while they stream into encrypted storage, and only then is the attachment recorded
 * (with its audit line and event) in one transaction; if that fails, the stored bytes are removed.
 */
export class AttachmentService {
  private readonly links: AttachmentLinks;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: AttachmentServiceDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
    this.links = new AttachmentLinks(deps.config.linkSecrets, deps.config.linkTtlSeconds, deps.linkClock ?? (() => new Date()));
  }

  get maxBytes(): number {
    return this.deps.config.maxBytes;
  }

  private url(kind: 'uploads' | 'downloads', token: string): string {
    return `${this.deps.config.publicBaseUrl}/files/${kind}/${token}`;
  }

  async requestUpload(input: RequestAttachmentUploadInput, by: Principal): Promise<AttachmentUpload> {
    if (input.size > this.maxBytes)
      throw new DomainError('BAD_USER_INPUT', `Files on a case may be at most ${this.maxBytes} bytes`, { field: 'size' });
    const incident = await this.deps.contributors.caseFor(input.incidentId, by);
    const attachmentId = randomUUID();
    const { token, expiresAt } = this.links.sign<UploadClaims>({
      op: 'upload',
      attachmentId,
      incidentId: incident.id,
      customerId: incident.customerId,
      actor: actorOf(by),
      fileName: input.fileName.trim(),
      contentType: input.contentType,
      size: input.size,
      kind: input.kind,
    });
    return { attachmentId, uploadUrl: this.url('uploads', token), expiresAt, maxBytes: this.maxBytes };
  }

  /** The claims of an upload link, if the caller is the one it was issued to. */
  uploadClaims(token: string, by: Principal): UploadClaims {
    const claims = this.links.verify(token, 'upload');
    this.assertHolder(claims, by);
    return claims;
  }

  private assertHolder(claims: UploadClaims | DownloadClaims, by: Principal): void {
    if (!ATTACHMENT_ROLES.includes(by.role)) throw forbidden(`Attachments are not available to ${by.role}`);
    // A link of another customer's file answers as an unknown one.
    if (!canSeeCustomer(by, claims.customerId)) throw notFound('Attachment', claims.attachmentId);
    if (claims.actor !== actorOf(by)) throw forbidden('The link was issued to someone else');
  }

  /**
   * Stores the bytes of an upload link and records the attachment. `body` must give exactly the
   * declared size, and its first bytes and encoding must match the declared type.
   */
  async receiveUpload(claims: UploadClaims, body: Readable): Promise<Attachment> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: claims.incidentId });
    if (!incident || incident.customerId !== claims.customerId) throw notFound('Incident', claims.incidentId);
    if (await this.dataSource.getRepository(Attachment).existsBy({ id: claims.attachmentId }))
      throw conflict('This upload link has already been used');
    // A key of its own per attempt: two uploads on one link never write over each other's bytes.
    const storageKey = `attachments/${claims.customerId}/${claims.incidentId}/${claims.attachmentId}/${randomUUID()}`;
    // Piped rather than pipelined: a refusal must leave the request open for the answer.
    const checked = new ContentInspector(claims.contentType, claims.size);
    body.once('error', (error) => checked.destroy(error));
    body.once('aborted', () => checked.destroy(new Error('The upload was cut short')));
    body.pipe(checked);
    const stored = await this.deps.storage.put(storageKey, checked, { size: claims.size });
    const attachment = Object.assign(new Attachment(), {
      id: claims.attachmentId,
      incidentId: claims.incidentId,
      customerId: claims.customerId,
      fileName: claims.fileName,
      contentType: claims.contentType,
      kind: claims.kind as AttachmentKind,
      size: stored.size,
      sha256: stored.sha256,
      storageKey,
      keyId: stored.keyId,
      uploadedBy: claims.actor,
      uploadedAt: this.now(),
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(Attachment, attachment);
        await appendAudit(manager, {
          incidentId: incident.id,
          actor: attachment.uploadedBy,
          action: 'ATTACHMENT_ADDED',
          at: attachment.uploadedAt,
          note: `${attachment.kind} ${attachment.fileName} (${attachment.size} bytes, SHA-256 ${attachment.sha256})`,
        });
        await appendToOutbox(manager, {
          topic: INCIDENT_TOPICS.attachmentAdded,
          key: incident.id,
          occurredAt: attachment.uploadedAt,
          payload: {
            ...caseEventIds(incident),
            status: incident.status,
            action: 'ATTACHMENT_ADDED',
            attachmentId: attachment.id,
            kind: attachment.kind,
            fileName: attachment.fileName,
            contentType: attachment.contentType,
            size: attachment.size,
            sha256: attachment.sha256,
            ...incidentEventState(incident),
          },
        });
      });
    } catch (error) {
      // Never half-stored: without its row, the stored bytes go too.
      await this.deps.storage.delete(storageKey).catch(() => undefined);
      if (isDuplicateEntry(error)) throw conflict('This upload link has already been used');
      throw error;
    }
    return attachment;
  }

  listFor(incidentId: string): Promise<Attachment[]> {
    return this.dataSource.getRepository(Attachment).find({ where: { incidentId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  /** A short-lived link for `by` to fetch the attachment's bytes. */
  downloadUrl(attachment: Attachment, by: Principal): string {
    const { token } = this.links.sign<DownloadClaims>({
      op: 'download',
      attachmentId: attachment.id,
      customerId: attachment.customerId,
      actor: actorOf(by),
    });
    return this.url('downloads', token);
  }

  get linkTtlSeconds(): number {
    return this.deps.config.linkTtlSeconds;
  }

  /** Opens the bytes behind a download link and records who fetched them, when. */
  async openDownload(token: string, by: Principal): Promise<{ attachment: Attachment; content: Readable }> {
    const claims = this.links.verify(token, 'download');
    this.assertHolder(claims, by);
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id: claims.attachmentId });
    if (!attachment || attachment.customerId !== claims.customerId || !canSeeCustomer(by, attachment.customerId))
      throw notFound('Attachment', claims.attachmentId);
    let content: Readable;
    try {
      content = await this.deps.storage.get(attachment.storageKey);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw serviceUnavailable('The file is not available right now');
      throw error;
    }
    try {
      await this.dataSource.getRepository(AttachmentDownload).insert({
        attachmentId: attachment.id,
        incidentId: attachment.incidentId,
        customerId: attachment.customerId,
        downloadedBy: actorOf(by),
        downloadedAt: this.now(),
      });
    } catch (error) {
      content.destroy();
      throw error;
    }
    return { attachment, content };
  }

  downloadsOf(attachmentId: string): Promise<AttachmentDownload[]> {
    return this.dataSource.getRepository(AttachmentDownload).find({ where: { attachmentId }, order: { sequence: 'ASC' } });
  }
}
