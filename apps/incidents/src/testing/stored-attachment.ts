import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { EncryptedObjectStorage } from '@polyplus/object-storage';
import { Attachment } from '../attachment/attachment.entity';
import type { AttachmentKind } from '../attachment/attachment-kind';

export type StoredFile = {
  incidentId: string;
  customerId: string;
  /** The file name without its `.csv` ending. */
  name: string;
  kind: AttachmentKind;
  uploadedBy: string;
  uploadedAt: Date;
  size?: number;
};

/** A CSV file of random bytes on a case, stored encrypted and recorded as an upload would be; answers its id and storage key. */
export async function storeAttachment(
  dataSource: DataSource,
  storage: EncryptedObjectStorage,
  file: StoredFile,
): Promise<{ id: string; storageKey: string }> {
  const id = randomUUID();
  const storageKey = `attachments/${file.customerId}/${file.incidentId}/${id}`;
  const bytes = randomBytes(file.size ?? 500);
  const stored = await storage.put(storageKey, Readable.from([bytes]), { size: bytes.length });
  await dataSource.getRepository(Attachment).insert({
    id,
    incidentId: file.incidentId,
    customerId: file.customerId,
    fileName: `${file.name}.csv`,
    contentType: 'text/csv',
    kind: file.kind,
    size: bytes.length,
    sha256: stored.sha256,
    storageKey,
    keyId: stored.keyId,
    uploadedBy: file.uploadedBy,
    uploadedAt: file.uploadedAt,
  });
  return { id, storageKey };
}
