import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { EncryptedObjectStorage, FilesystemObjectStorage, developmentKeyring } from '@polyplus/object-storage';
import { incidentsSubgraph } from '../incidents-subgraph';
import { storeAttachment } from '../testing/stored-attachment';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentService } from '../incident/incident.service';
import { ContactChannel } from '../incident/contact-channel';
import { placeCalendar } from '@polyplus/business-calendar';
import { Incident } from '../incident/incident.entity';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { Attachment } from './attachment.entity';
import { AttachmentKind } from './attachment-kind';
import { attachmentRetentionFromEnv, purgeExpiredAttachments, type LegalHolds } from './attachment-retention';

const DAY = 86_400_000;

describe('attachment retention', () => {
  const world = new FakeWorld();
  const site = world.site();
  const customer = randomUUID();
  const heldCustomer = randomUUID();
  const now = new Date('2026-11-20T10:00:00Z');
  let db: TestDatabase;
  let directory: string;
  let storage: EncryptedObjectStorage;
  let incidents: IncidentService;
  const holds: LegalHolds = { heldAmong: async (ids) => new Set(ids.filter((id) => id === heldCustomer)) };

  beforeAll(async () => {
    db = await createTestDatabase('incidents_retention', incidentsSubgraph.database);
    directory = await mkdtemp(join(tmpdir(), 'retention-'));
    storage = new EncryptedObjectStorage(new FilesystemObjectStorage(directory), developmentKeyring());
    incidents = new IncidentService(db.dataSource, { ...world.directories(), calendars: placeCalendar });
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
    await rm(directory, { recursive: true, force: true });
  }, 60_000);

  /** A case of `customerId` closed `closedDaysAgo` days before now (open when null), with one stored file of `kind`. */
  async function fileOnCase(customerId: string, kind: AttachmentKind, closedDaysAgo: number | null) {
    const incident = await incidents.open(
      {
        contactId: world.designatedContact(customerId),
        deviceId: world.device(site, { customerId }).id,
        severity: 3,
        channel: ContactChannel.WEB,
        summary: 'Calls drop after 30 minutes',
      },
      SUPPORT_DESK,
    );
    if (closedDaysAgo !== null)
      await db.dataSource
        .getRepository(Incident)
        .update({ id: incident.id }, { status: 'CLOSED' as Incident['status'], closedAt: new Date(now.getTime() - closedDaysAgo * DAY) });
    const file = await storeAttachment(db.dataSource, storage, {
      incidentId: incident.id,
      customerId,
      name: kind.toLowerCase(),
      kind,
      uploadedBy: 'CUSTOMER_TECHNICIAN:tech',
      uploadedAt: new Date(now.getTime() - 200 * DAY),
      size: 1000,
    });
    return { ...file, incidentId: incident.id };
  }

  const exists = async (file: { id: string; storageKey: string }) => ({
    row: await db.dataSource.getRepository(Attachment).existsBy({ id: file.id }),
    bytes: (await storage.head(file.storageKey)) !== null,
  });

  it('ATTACHMENT_RETENTION_DAYS sets days per kind; CDRs default to 90; unknown kinds are refused', () => {
    expect(attachmentRetentionFromEnv({})).toEqual({ CDR: 90 });
    expect(attachmentRetentionFromEnv({ ATTACHMENT_RETENTION_DAYS: 'CDR=30, CONFIGURATION=365' })).toEqual({ CDR: 30, CONFIGURATION: 365 });
    expect(attachmentRetentionFromEnv({ ATTACHMENT_RETENTION_DAYS: 'none' })).toEqual({});
    expect(() => attachmentRetentionFromEnv({ ATTACHMENT_RETENTION_DAYS: 'SELFIE=3' })).toThrow(/unknown kind SELFIE/);
  });

  it('an expired CDR is deleted exactly once even when the job runs twice concurrently; other files stay', async () => {
    const expired = await fileOnCase(customer, AttachmentKind.CDR, 31);
    const recent = await fileOnCase(customer, AttachmentKind.CDR, 10);
    const openCase = await fileOnCase(customer, AttachmentKind.CDR, null);
    const diagram = await fileOnCase(customer, AttachmentKind.NETWORK_DIAGRAM, 400);
    const held = await fileOnCase(heldCustomer, AttachmentKind.CDR, 400);

    const run = () =>
      purgeExpiredAttachments({ dataSource: db.dataSource, storage, retention: { CDR: 30 }, legalHolds: holds, now: () => now });
    const counts = await Promise.all([run(), run()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);

    expect(await exists(expired)).toEqual({ row: false, bytes: false });
    const audit = await db.dataSource
      .getRepository(IncidentAuditEntry)
      .find({ where: { incidentId: expired.incidentId, action: 'ATTACHMENT_PURGED' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'system', note: expect.stringContaining('CDR cdr.csv (1000 bytes') });
    for (const kept of [recent, openCase, diagram, held]) expect(await exists(kept)).toEqual({ row: true, bytes: true });

    // A later run finds nothing more to do.
    expect(await run()).toBe(0);
  });

  it('when legal holds cannot be read, nothing is deleted', async () => {
    const expired = await fileOnCase(customer, AttachmentKind.CDR, 60);
    const unreachable: LegalHolds = { heldAmong: async () => Promise.reject(new Error('customers unavailable')) };
    await expect(
      purgeExpiredAttachments({ dataSource: db.dataSource, storage, retention: { CDR: 30 }, legalHolds: unreachable, now: () => now }),
    ).rejects.toThrow('customers unavailable');
    expect(await exists(expired)).toEqual({ row: true, bytes: true });
  });
});
