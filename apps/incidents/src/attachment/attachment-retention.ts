import type { DataSource } from 'typeorm';
import { attachmentGroup, readConfig } from '@polyplus/config';
import { createRedis, startLeasedSweep } from '@polyplus/events';
import type { EncryptedObjectStorage } from '@polyplus/object-storage';
import { sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';
import { appendAudit } from '../incident/incident-change';
import { Attachment } from './attachment.entity';
import { AttachmentKind } from './attachment-kind';

/** Days after its case closed that a file of each kind is kept; kinds not named are kept as long as the case. */
export type AttachmentRetention = Partial<Record<AttachmentKind, number>>;

/** CDRs are personal data (who called whom): by default they go 90 days after the case closed. */
export const DEFAULT_RETENTION: AttachmentRetention = { [AttachmentKind.CDR]: 90 };

/**
 * `ATTACHMENT_RETENTION_DAYS`: `KIND=days` pairs, comma-separated (e.g. `CDR=30,CONFIGURATION=365`);
 * empty keeps the default (CDR 90 days), `none` keeps everything.
 */
export function attachmentRetentionFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentRetention {
  const raw = env.ATTACHMENT_RETENTION_DAYS?.trim();
  if (!raw) return { ...DEFAULT_RETENTION };
  if (raw.toLowerCase() === 'none') return {};
  const retention: AttachmentRetention = {};
  for (const pair of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [kind, days] = pair.split('=').map((part) => part.trim());
    if (!(Object.values(AttachmentKind) as string[]).includes(kind))
      throw new Error(`ATTACHMENT_RETENTION_DAYS: unknown kind ${kind} (${Object.values(AttachmentKind).join(', ')})`);
    const value = Number(days);
    if (!Number.isInteger(value) || value < 1 || value > 36_500)
      throw new Error(`ATTACHMENT_RETENTION_DAYS: ${kind} needs a whole number of days from 1 to 36500`);
    retention[kind as AttachmentKind] = value;
  }
  return retention;
}

/** Customers whose data is under a legal hold: nothing of theirs is purged or erased. */
export type LegalHolds = { heldAmong(customerIds: string[]): Promise<Set<string>> };

export const CUSTOMERS_UNDER_LEGAL_HOLD = serviceDocument<{ customersUnderLegalHold: string[] }, { ids: string[] }>(
  'customers',
  'query Held($ids: [ID!]!) { customersUnderLegalHold(customerIds: $ids) }',
);

/** Legal holds as the customers subgraph records them (`customersUnderLegalHold`, a service look-up). */
export function legalHoldsFrom(customers: SubgraphClient): LegalHolds {
  return {
    async heldAmong(customerIds) {
      if (customerIds.length === 0) return new Set();
      const data = await sendDocument(customers, CUSTOMERS_UNDER_LEGAL_HOLD, { ids: customerIds });
      return new Set(data.customersUnderLegalHold);
    },
  };
}

export type RetentionPurgeOptions = {
  dataSource: DataSource;
  storage: EncryptedObjectStorage;
  retention: AttachmentRetention;
  legalHolds: LegalHolds;
  now: () => Date;
  /** Files looked at per kind and run. */
  batch?: number;
};

type Candidate = Pick<Attachment, 'id' | 'incidentId' | 'customerId' | 'fileName' | 'kind' | 'size' | 'sha256' | 'storageKey'>;

const DAY_MS = 86_400_000;

/**
 * Deletes the files whose retention ran out (their case closed more than the kind's days ago),
 * except for customers under a legal hold; when the holds cannot be read nothing is deleted. Per
 * file: the bytes first (deleting missing bytes is harmless), then the row with one audit line on
 * the case in one transaction, only if the row is still there — so runs that overlap, or a run
 * after a crash, delete each file once and audit it once. Resolves with the files this run deleted.
 */
export async function purgeExpiredAttachments(options: RetentionPurgeOptions): Promise<number> {
  const now = options.now();
  let purged = 0;
  for (const [kind, days] of Object.entries(options.retention) as [AttachmentKind, number][]) {
    const cutOff = new Date(now.getTime() - days * DAY_MS);
    const candidates: Candidate[] = await options.dataSource.query(
      'SELECT a.`id`, a.`incidentId`, a.`customerId`, a.`fileName`, a.`kind`, a.`size`, a.`sha256`, a.`storageKey` FROM `incident_attachment` a JOIN `incident` i ON i.`id` = a.`incidentId` WHERE a.`kind` = ? AND i.`closedAt` IS NOT NULL AND i.`closedAt` < ? ORDER BY a.`uploadedAt`, a.`id` LIMIT ?',
      [kind, cutOff, options.batch ?? 500],
    );
    if (candidates.length === 0) continue;
    const held = await options.legalHolds.heldAmong([...new Set(candidates.map((file) => file.customerId))]);
    for (const file of candidates.filter((candidate) => !held.has(candidate.customerId))) {
      if (
        await deleteAttachment(options, file, {
          action: 'ATTACHMENT_PURGED',
          note: `${file.kind} ${file.fileName} (${file.size} bytes, SHA-256 ${file.sha256}) deleted: kept ${days} days after the case closed`,
          at: now,
        })
      )
        purged += 1;
    }
  }
  return purged;
}

/**
 * Deletes one attachment's bytes and row, auditing it on its case once (true) — or nothing when
 * another run already did (false). Shared by retention and personal-data erasure.
 */
export async function deleteAttachment(
  options: Pick<RetentionPurgeOptions, 'dataSource' | 'storage'>,
  file: Pick<Attachment, 'id' | 'incidentId' | 'storageKey'>,
  audit: { action: string; note: string; at: Date; actor?: string },
): Promise<boolean> {
  await options.storage.delete(file.storageKey);
  return options.dataSource.transaction(async (manager) => {
    const result: { affectedRows: number } = await manager.query('DELETE FROM `incident_attachment` WHERE `id` = ?', [file.id]);
    if (result.affectedRows !== 1) return false;
    await appendAudit(manager, {
      incidentId: file.incidentId,
      actor: audit.actor ?? 'system',
      action: audit.action,
      at: audit.at,
      note: audit.note,
    });
    return true;
  });
}

export type AttachmentRetentionSweep = { stop(): Promise<void> };

/**
 * The durable purge: every `ATTACHMENT_RETENTION_SWEEP_MINUTES` (60) one replica at a time (a Redis
 * lease) deletes the files whose retention ran out; a run that dies midway is finished by the next.
 */
export function startAttachmentRetention(
  options: RetentionPurgeOptions & { prefix: string; env?: NodeJS.ProcessEnv },
): AttachmentRetentionSweep {
  const env = options.env ?? process.env;
  const { ATTACHMENT_RETENTION_SWEEP_MINUTES: everyMs } = readConfig(
    { ATTACHMENT_RETENTION_SWEEP_MINUTES: attachmentGroup.ATTACHMENT_RETENTION_SWEEP_MINUTES },
    env,
  );
  const redis = createRedis('producer', env);
  redis.on('error', () => undefined);
  const sweep = startLeasedSweep({
    redis,
    name: 'incidents-attachment-retention',
    prefix: options.prefix,
    everyMs,
    runAtStart: true,
    run: () => purgeExpiredAttachments(options),
  });
  return {
    async stop() {
      await sweep.stop();
      redis.disconnect();
    },
  };
}
