import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { EncryptedObjectStorage, FilesystemObjectStorage, developmentKeyring } from '@polyplus/object-storage';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { collectExport, findValues, inProcessClient, personalDataPeer, type PersonalDataPeer, pseudonymsFor } from '@polyplus/privacy';
import { eraseAgain, operationData, unclassifiedEntityTables } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { storeAttachment } from '../testing/stored-attachment';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { Attachment } from '../attachment/attachment.entity';
import { AttachmentKind } from '../attachment/attachment-kind';
import { AttachmentDownload } from '../attachment/attachment-download.entity';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { SecurityNotice } from '../security-notice/security-notice.entity';
import { SecurityNoticeRecipient } from '../security-notice/security-notice-recipient.entity';
import { SecurityNoticeKind, SecurityNoticeSeverity, SecurityNoticeStatus } from '../security-notice/security-notice-enums';
import { WebhookEndpoint } from '../webhook/webhook-endpoint.entity';
import { WebhookEndpointStatus } from '../webhook/webhook-endpoint-status';
import { WebhookDelivery } from '../webhook/webhook-delivery.entity';
import { WebhookDeliveryStatus } from '../webhook/webhook-delivery-status';
import { INCIDENTS_PERSONAL_DATA } from './incidents-personal-data';

type Case = { id: string; version: number };

describe('personal data in the incidents service: export and erasure', () => {
  const world = new FakeWorld();
  const site = world.site();
  const device = world.device(site);
  const fabrikam = device.customerId;
  const contosoDevice = world.device(site);
  const contoso = contosoDevice.customerId;
  const ana = { contactId: world.designatedContact(fabrikam), email: 'ana.kowalski@fabrikam.example', name: 'Ana Kowalski' };
  const ben = { contactId: world.designatedContact(fabrikam), email: 'ben.okafor@fabrikam.example', name: 'Ben Okafor' };
  // The same person is a contact of Contoso too: what she did there is not erased with her Fabrikam contact.
  const anaAtContoso = world.designatedContact(contoso);
  const asAna: Principal = { subject: ana.email, role: 'CUSTOMER_TECHNICIAN', customerIds: [fabrikam], contactId: ana.contactId };
  const asBen: Principal = { subject: ben.email, role: 'CUSTOMER_TECHNICIAN', customerIds: [fabrikam], contactId: ben.contactId };
  const asAnaAtContoso: Principal = { subject: ana.email, role: 'CUSTOMER_TECHNICIAN', customerIds: [contoso], contactId: anaAtContoso };
  const erased = pseudonymsFor(ana.contactId);
  const now = new Date('2026-03-02T10:00:00Z');
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let peer: PersonalDataPeer;
  let directory: string;
  let storage: EncryptedObjectStorage;
  let anasCase: Case;
  let bensCase: string;
  let contosoCase: string;
  const files: Record<string, { id: string; storageKey: string }> = {};

  const run = <T>(query: string, variables: Record<string, unknown>, principal: Principal = SUPPORT_DESK) =>
    operationData<T>(schema, query, variables, principal);
  const openCase = async (principal: Principal, contactId: string, deviceId: string, summary: string) =>
    (
      await run<{ openIncident: Case }>(
        'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }',
        { input: { contactId, deviceId, severity: 2, channel: 'WEB', summary } },
        principal,
      )
    ).openIncident;
  const comment = (principal: Principal, incidentId: string, body: string) =>
    run(
      'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id } }',
      { input: { incidentId, body } },
      principal,
    );
  const version = async (id: string) =>
    (await run<{ incident: Case }>('query ($id: ID!) { incident(id: $id) { id version } }', { id })).incident.version;

  async function storeFile(name: string, customerId: string, incidentId: string, uploadedBy: string, kind = AttachmentKind.CDR) {
    files[name] = await storeAttachment(db.dataSource, storage, { incidentId, customerId, name, kind, uploadedBy, uploadedAt: now });
  }

  beforeAll(async () => {
    db = await createTestDatabase('incidents_privacy', incidentsSubgraph.database);
    directory = await mkdtemp(join(tmpdir(), 'incidents-privacy-'));
    storage = new EncryptedObjectStorage(new FilesystemObjectStorage(directory), developmentKeyring());
    ({ schema } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      objectStorage: storage,
      now: () => now,
    }).build(db.dataSource));
    peer = personalDataPeer('incidents', inProcessClient(schema));

    anasCase = await openCase(asAna, ana.contactId, device.id, 'Camera freezes in the boardroom (reported by Ana Kowalski)');
    bensCase = (await openCase(asBen, ben.contactId, device.id, 'No audio on the Studio X50')).id;
    contosoCase = (await openCase(asAnaAtContoso, anaAtContoso, contosoDevice.id, 'Contoso camera fault')).id;
    await comment(asAna, anasCase.id, 'Regards, Ana Kowalski <ana.kowalski@fabrikam.example>');
    await comment(asBen, anasCase.id, 'Ben here: I see it too in room 2.');
    await comment(SUPPORT_DESK, anasCase.id, 'Thanks Ana Kowalski, please send the call records.');
    await comment(asAna, bensCase, 'Same for me on Ben’s device.');
    await comment(asAnaAtContoso, contosoCase, 'Contoso logs attached.');
    await run('mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { id } }', {
      input: { incidentId: anasCase.id, expectedVersion: await version(anasCase.id) },
    });
    await run('mutation ($input: CustomerWaitInput!) { setWaitingOnCustomer(input: $input) { id } }', {
      input: { incidentId: anasCase.id, expectedVersion: await version(anasCase.id), reason: 'Waiting for Ana Kowalski to send the CDRs' },
    });

    await storeFile('anas-cdr', fabrikam, anasCase.id, `CUSTOMER_TECHNICIAN:${ana.email}`);
    await storeFile('support-config', fabrikam, anasCase.id, 'SUPPORT_ENGINEER:tsr.desk', AttachmentKind.CONFIGURATION);
    await storeFile('bens-cdr', fabrikam, bensCase, `CUSTOMER_TECHNICIAN:${ben.email}`);
    await storeFile('contoso-cdr', contoso, contosoCase, `CUSTOMER_TECHNICIAN:${ana.email}`);
    await db.dataSource.getRepository(AttachmentDownload).insert([
      {
        attachmentId: files['support-config'].id,
        incidentId: anasCase.id,
        customerId: fabrikam,
        downloadedBy: `CUSTOMER_ADMIN:${ana.contactId}`,
        downloadedAt: now,
      },
      {
        attachmentId: files['support-config'].id,
        incidentId: anasCase.id,
        customerId: fabrikam,
        downloadedBy: `CUSTOMER_TECHNICIAN:${ben.email}`,
        downloadedAt: now,
      },
    ]);
    const noticeId = randomUUID();
    await db.dataSource.getRepository(SecurityNotice).insert({
      id: noticeId,
      kind: SecurityNoticeKind.SECURITY,
      severity: SecurityNoticeSeverity.HIGH,
      title: 'Firmware advisory',
      summary: 'Update the firmware.',
      detectedAt: now,
      status: SecurityNoticeStatus.PUBLISHED,
      notifiedAt: now,
      recordedAt: now,
      recordedBy: 'SUPPORT_ENGINEER:tsr.desk',
      publishedBy: 'SUPPORT_ENGINEER:tsr.desk',
    });
    await db.dataSource.getRepository(SecurityNoticeRecipient).insert([
      { noticeId, customerId: fabrikam, acknowledgedAt: now, acknowledgedBy: `CUSTOMER_TECHNICIAN:${ana.email}` },
      { noticeId, customerId: contoso, acknowledgedAt: null, acknowledgedBy: null },
    ]);
    const endpointId = randomUUID();
    await db.dataSource.getRepository(WebhookEndpoint).insert({
      id: endpointId,
      partnerId: 'partner-zoom',
      url: 'https://hooks.partner.example/polyplus',
      eventTypes: ['incident.comment-added'],
      customerIds: [fabrikam],
      secret: 'enc:v1:dev:placeholder',
      status: WebhookEndpointStatus.ACTIVE,
      createdAt: now,
    });
    await db.dataSource.getRepository(WebhookDelivery).insert({
      id: randomUUID(),
      endpointId,
      eventId: randomUUID(),
      eventType: 'incident.comment-added',
      idempotencyKey: randomUUID(),
      status: WebhookDeliveryStatus.DELIVERED,
      createdAt: now,
      body: JSON.stringify({
        type: 'incident.comment-added',
        data: { incidentId: anasCase.id, customerId: fabrikam, author: `CUSTOMER_TECHNICIAN:${ana.email}` },
      }),
    });
  }, 180_000);

  afterAll(async () => {
    await db?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  }, 60_000);

  const bytesOf = async (name: string) => (await storage.head(files[name].storageKey)) !== null;

  it('every table of the incidents service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, INCIDENTS_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  it('a contact’s export holds their cases with support’s work on them, their comments, files and downloads anywhere at the customer — nothing another contact did', async () => {
    const records = await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, email: ana.email }, 3);
    const section = (name: string) => records.filter((entry) => entry.section === name).map((entry) => entry.record);
    expect(section('incidents').map((incident) => incident.id)).toEqual([anasCase.id]);
    expect(
      section('comments')
        .map((entry) => entry.body)
        .sort(),
    ).toEqual([
      'Regards, Ana Kowalski <ana.kowalski@fabrikam.example>',
      'Same for me on Ben’s device.',
      'Thanks Ana Kowalski, please send the call records.',
    ]);
    expect(
      section('attachments')
        .map((file) => file.fileName)
        .sort(),
    ).toEqual(['anas-cdr.csv', 'support-config.csv']);
    expect(section('attachments').every((file) => !('storageKey' in file) && !('keyId' in file))).toBe(true);
    expect(section('attachmentDownloads').map((download) => download.downloadedBy)).toEqual([`CUSTOMER_ADMIN:${ana.contactId}`]);
    expect(section('clockPauses').map((pause) => pause.note)).toEqual(['Waiting for Ana Kowalski to send the CDRs']);
    expect(section('securityNoticeAcknowledgements')).toEqual([
      expect.objectContaining({
        acknowledgedBy: `CUSTOMER_TECHNICIAN:${ana.email}`,
        notice: expect.objectContaining({ title: 'Firmware advisory' }),
      }),
    ]);
    expect(section('auditEntries').map((entry) => entry.action)).toEqual(expect.arrayContaining(['OPENED', 'COMMENT_ADDED']));
    const text = JSON.stringify(records);
    for (const other of [ben.email, ben.contactId, 'Ben here', 'bens-cdr', contoso]) expect(text).not.toContain(other);
  });

  it('a customer’s export holds all its cases, comments, files and acknowledgements, and nothing of another customer', async () => {
    const records = await collectExport(peer, { customerId: fabrikam });
    expect(
      records
        .filter((entry) => entry.section === 'incidents')
        .map((incident) => incident.record.id)
        .sort(),
    ).toEqual([anasCase.id, bensCase].sort());
    expect(records.filter((entry) => entry.section === 'comments')).toHaveLength(4);
    expect(records.filter((entry) => entry.section === 'attachments')).toHaveLength(3);
    const text = JSON.stringify(records);
    for (const other of [contoso, contosoCase, 'Contoso logs', 'contoso-cdr']) expect(text).not.toContain(other);
  });

  it('erasing a contact deletes their uploads and pseudonymises them in every table; Contoso’s records of the same person stay; the case still works', async () => {
    const result = await peer.erase({ customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' });
    expect(result.deletedFiles).toBe(1);
    expect(result.changedRows).toBeGreaterThan(5);
    expect(await db.dataSource.getRepository(Attachment).existsBy({ id: files['anas-cdr'].id })).toBe(false);
    expect(await bytesOf('anas-cdr')).toBe(false);
    expect([await bytesOf('support-config'), await bytesOf('bens-cdr'), await bytesOf('contoso-cdr')]).toEqual([true, true, true]);
    const erasedLine = await db.dataSource
      .getRepository(IncidentAuditEntry)
      .findOneByOrFail({ incidentId: anasCase.id, action: 'ATTACHMENT_ERASED' });
    expect(erasedLine).toMatchObject({
      actor: 'SUPPORT_ENGINEER:tsr.privacy',
      note: `attachment ${files['anas-cdr'].id} deleted: the personal data of the contact who uploaded it was erased`,
    });

    const left = await findValues((sql, params) => db.dataSource.query(sql, params), [db.database], [ana.email, ana.name]);
    expect(left.filter((found) => ![contoso, contosoCase].some((id) => JSON.stringify(found.row).includes(id)))).toEqual([]);
    expect(left.length).toBeGreaterThan(0); // her Contoso comment, file, case and their events
    const { incident } = await run<{ incident: { contactId?: string; comments: { author: string; body: string }[] } }>(
      'query ($id: ID!) { incident(id: $id) { comments { author body } } }',
      { id: anasCase.id },
    );
    expect(incident.comments).toEqual(
      expect.arrayContaining([
        { author: `CUSTOMER_TECHNICIAN:${erased.subject}`, body: `Regards, ${erased.name} <${erased.email}>` },
        { author: 'SUPPORT_ENGINEER:tsr.desk', body: `Thanks ${erased.name}, please send the call records.` },
        { author: `CUSTOMER_TECHNICIAN:${ben.email}`, body: 'Ben here: I see it too in room 2.' },
      ]),
    );

    // The case keeps its reporter (by id) and its clocks: support resumes and resolves it.
    await run('mutation ($input: CustomerWaitInput!) { clearWaitingOnCustomer(input: $input) { id } }', {
      input: { incidentId: anasCase.id, expectedVersion: await version(anasCase.id), reason: 'Logs received' },
    });
    const { resolveIncident } = await run<{ resolveIncident: { status: string; resolutionClock: { state: string } } }>(
      'mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { status resolutionClock { state } } }',
      { input: { incidentId: anasCase.id, expectedVersion: await version(anasCase.id), resolution: 'Firmware 10.0.1 fixes the freeze.' } },
    );
    expect(resolveIncident).toEqual({ status: 'RESOLVED', resolutionClock: { state: 'MET' } });
  });

  it('a second erasure of the same contact changes nothing', async () => {
    const again = await eraseAgain(peer, { customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' }, db.database);
    expect(again.result).toEqual({ changedRows: 0, deletedFiles: 0 });
    expect(again.after).toEqual(again.before);
  });
});
