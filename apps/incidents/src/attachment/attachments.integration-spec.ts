import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { OutboxEvent, decodeOutbox } from '@polyplus/events';
import { EncryptedObjectStorage, FilesystemObjectStorage, parseKeyring } from '@polyplus/object-storage';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { Attachment } from './attachment.entity';
import { AttachmentDownload } from './attachment-download.entity';
import { customerPrincipals } from '../testing/customer-principals';

// A network diagram as customers export them: a PNG (signature, IHDR chunk, some pixels).
const NETWORK_DIAGRAM = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  randomBytes(20_000),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2_000)]);
const MAX_BYTES = 64 * 1024;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const keys = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64') };

type Subgraph = { schema: GraphQLSchema; url: string; server: Server };

describe('case attachments: network diagrams, system configurations, CDRs and operation procedures', () => {
  const world = new FakeWorld();
  const site = world.site();
  const deviceA = world.device(site);
  const deviceB = world.device(site);
  const customerA = deviceA.customerId;
  const customerB = deviceB.customerId;
  const contactA = world.designatedContact(customerA);
  const peopleA = customerPrincipals('a', customerA, contactA);
  const { admin: adminA, technician: technicianA, undesignated: undesignatedA, partner: partnerA } = peopleA;
  const colleagueA: Principal = { subject: 'admin-a2', role: 'CUSTOMER_ADMIN', customerIds: [customerA] };
  const adminB: Principal = { subject: 'admin-b', role: 'CUSTOMER_ADMIN', customerIds: [customerB] };
  const secret = authConfig().principalSecrets[0];
  let db: TestDatabase;
  let directory: string;
  let subgraph: Subgraph;
  let incidentA: string;
  let incidentB: string;
  let clock = new Date('2026-03-02T10:00:00Z');
  // Links expire by real time; the test moves their clock.
  let linkClock = new Date();

  const storageWith = (current: keyof typeof keys, ...ids: (keyof typeof keys)[]) =>
    new EncryptedObjectStorage(
      new FilesystemObjectStorage(directory),
      parseKeyring(JSON.stringify(Object.fromEntries(ids.map((id) => [id, keys[id]]))), current),
    );

  /** The incidents subgraph over the test database, its file routes on an HTTP server of its own. */
  async function startSubgraph(storage: EncryptedObjectStorage): Promise<Subgraph> {
    const built = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      objectStorage: storage,
      attachments: { maxBytes: MAX_BYTES, linkTtlSeconds: 120, linkClock: () => linkClock },
      now: () => clock,
    }).build(db.dataSource);
    const server = createServer((request, response) => {
      if (!built.routes?.(request, response)) response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { schema: built.schema, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  const stop = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(join(directory, 'objects'), { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  }

  const attachmentRows = () => db.dataSource.getRepository(Attachment).count();

  async function openCase(deviceId: string, contactId: string): Promise<string> {
    const { openIncident } = await operationData<{ openIncident: { id: string } }>(
      subgraph.schema,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      { input: { contactId, deviceId, severity: 2, channel: 'PHONE', summary: 'Calls drop after 30 seconds' } },
      SUPPORT_DESK,
    );
    return openIncident.id;
  }

  type UploadRequest = { incidentId: string; fileName: string; contentType: string; size: number; kind: string };
  const REQUEST_UPLOAD =
    'mutation ($input: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $input) { attachmentId uploadUrl expiresAt maxBytes } }';

  async function requestUpload(principal: Principal, input: Partial<UploadRequest> = {}) {
    const variables = {
      input: {
        incidentId: incidentA,
        fileName: 'core network.png',
        contentType: 'image/png',
        size: NETWORK_DIAGRAM.length,
        kind: 'NETWORK_DIAGRAM',
        ...input,
      },
    };
    return executeOperation<{ requestAttachmentUpload: { attachmentId: string; uploadUrl: string; expiresAt: string; maxBytes: number } }>(
      subgraph.schema,
      REQUEST_UPLOAD,
      variables,
      principal,
    );
  }

  async function uploadLink(principal: Principal, input: Partial<UploadRequest> = {}) {
    const result = await requestUpload(principal, input);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.requestAttachmentUpload;
  }

  /** As the gateway relays it: the caller's signed principal header, the bytes, the declared type. */
  function put(url: string, body: Buffer, principal: Principal | null, contentType = 'image/png', target = subgraph) {
    return fetch(`${target.url}${url}`, {
      method: 'PUT',
      body,
      headers: { 'content-type': contentType, ...(principal ? signPrincipal(principal, secret) : {}) },
    });
  }

  function get(url: string, principal: Principal, target = subgraph) {
    return fetch(`${target.url}${url}`, { headers: signPrincipal(principal, secret) });
  }

  async function attachmentsOf(incidentId: string, principal: Principal) {
    return executeOperation<{
      incident: {
        attachments: {
          id: string;
          fileName: string;
          kind: string;
          size: number;
          sha256: string;
          uploadedBy: string;
          downloadUrl: string;
        }[];
      } | null;
    }>(
      subgraph.schema,
      'query ($id: ID!) { incident(id: $id) { attachments { id fileName kind size sha256 uploadedBy downloadUrl } } }',
      { id: incidentId },
      principal,
    );
  }

  async function nothingStoredSince(files: string[], rows: number): Promise<void> {
    expect(await storedFiles()).toEqual(files);
    expect(await attachmentRows()).toBe(rows);
    expect(await readdir(join(directory, 'incoming')).catch(() => [])).toEqual([]);
  }

  beforeAll(async () => {
    db = await createTestDatabase('incidents_attachments', incidentsSubgraph.database);
    directory = await mkdtemp(join(tmpdir(), 'case-attachments-'));
    subgraph = await startSubgraph(storageWith('k1', 'k1'));
    incidentA = await openCase(deviceA.id, contactA);
    incidentB = await openCase(deviceB.id, world.designatedContact(customerB));
  }, 120_000);

  afterAll(async () => {
    if (subgraph) await stop(subgraph.server);
    await db?.drop();
    await rm(directory, { recursive: true, force: true });
  }, 60_000);

  it('a customer admin uploads a network diagram to a case and downloads the same bytes (SHA-256 equal), encrypted at rest', async () => {
    const link = await uploadLink(adminA);
    expect(link.uploadUrl).toMatch(/^\/files\/uploads\//);
    expect(new Date(link.expiresAt).getTime()).toBe(Math.floor(linkClock.getTime() / 1000) * 1000 + 120_000);
    expect(link.maxBytes).toBe(MAX_BYTES);
    const uploaded = await put(link.uploadUrl, NETWORK_DIAGRAM, adminA);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toEqual({
      id: link.attachmentId,
      fileName: 'core network.png',
      contentType: 'image/png',
      kind: 'NETWORK_DIAGRAM',
      size: NETWORK_DIAGRAM.length,
      sha256: sha256(NETWORK_DIAGRAM),
    });

    const listed = (await attachmentsOf(incidentA, adminA)).data?.incident?.attachments ?? [];
    expect(listed).toEqual([
      expect.objectContaining({
        id: link.attachmentId,
        fileName: 'core network.png',
        kind: 'NETWORK_DIAGRAM',
        size: NETWORK_DIAGRAM.length,
        sha256: sha256(NETWORK_DIAGRAM),
        uploadedBy: 'CUSTOMER_ADMIN:admin-a',
      }),
    ]);
    const downloaded = await get(listed[0].downloadUrl, adminA);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(downloaded.headers.get('content-disposition')).toContain(`filename*=UTF-8''core%20network.png`);
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha256(NETWORK_DIAGRAM), 'hex').toString('base64')}:`);
    expect(sha256(Buffer.from(await downloaded.arrayBuffer()))).toBe(sha256(NETWORK_DIAGRAM));

    const [file] = await storedFiles();
    const atRest = await readFile(file);
    expect(atRest.includes(NETWORK_DIAGRAM.subarray(16, 200))).toBe(false);
    expect(await db.dataSource.getRepository(Attachment).findOneByOrFail({ id: link.attachmentId })).toMatchObject({
      keyId: 'k1',
      customerId: customerA,
      incidentId: incidentA,
    });
  });

  it('every download is recorded: who and when', async () => {
    const [attachment] = (await attachmentsOf(incidentA, SUPPORT_DESK)).data?.incident?.attachments ?? [];
    clock = new Date('2026-03-02T10:01:00Z');
    await (await get(attachment.downloadUrl, SUPPORT_DESK)).arrayBuffer();
    const rows = await db.dataSource
      .getRepository(AttachmentDownload)
      .find({ where: { attachmentId: attachment.id }, order: { sequence: 'ASC' } });
    expect(rows.map((row) => [row.downloadedBy, row.downloadedAt])).toEqual([
      ['CUSTOMER_ADMIN:admin-a', new Date('2026-03-02T10:00:00Z')],
      ['SUPPORT_ENGINEER:tsr.desk', new Date('2026-03-02T10:01:00Z')],
    ]);
    const { data } = await executeOperation<{ incident: { attachments: { downloads: { downloadedBy: string }[] }[] } }>(
      subgraph.schema,
      'query ($id: ID!) { incident(id: $id) { attachments { downloads { downloadedBy downloadedAt } } } }',
      { id: incidentA },
      adminA,
    );
    expect(data?.incident.attachments[0].downloads.map((download) => download.downloadedBy)).toEqual([
      'CUSTOMER_ADMIN:admin-a',
      'SUPPORT_ENGINEER:tsr.desk',
    ]);
    clock = new Date('2026-03-02T10:00:00Z');
  });

  it('adding a file is on the case’s audit trail and published as incident.attachment-added', async () => {
    const trail = await db.dataSource
      .getRepository(IncidentAuditEntry)
      .find({ where: { incidentId: incidentA, action: 'ATTACHMENT_ADDED' } });
    expect(trail).toEqual([
      expect.objectContaining({ actor: 'CUSTOMER_ADMIN:admin-a', note: expect.stringContaining('NETWORK_DIAGRAM core network.png') }),
    ]);
    const events = await db.dataSource
      .getRepository(OutboxEvent)
      .find({ where: { aggregateKey: incidentA, topic: 'incident.attachment-added' } });
    expect(events.map((event) => JSON.parse(event.payload))).toEqual([
      expect.objectContaining({ incidentId: incidentA, customerId: customerA, kind: 'NETWORK_DIAGRAM', sha256: sha256(NETWORK_DIAGRAM) }),
    ]);
  });

  it('another customer cannot fetch it: the case answers as unknown, and a download link used by them answers 404', async () => {
    expect((await attachmentsOf(incidentA, adminB)).data?.incident).toBeNull();
    const [attachment] = (await attachmentsOf(incidentA, adminA)).data?.incident?.attachments ?? [];
    const stolen = await get(attachment.downloadUrl, adminB);
    expect(stolen.status).toBe(404);
    expect(await stolen.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('a download link is for the caller it was issued to: a colleague needs their own', async () => {
    const [attachment] = (await attachmentsOf(incidentA, adminA)).data?.incident?.attachments ?? [];
    expect((await get(attachment.downloadUrl, colleagueA)).status).toBe(403);
    const [own] = (await attachmentsOf(incidentA, colleagueA)).data?.incident?.attachments ?? [];
    expect(sha256(Buffer.from(await (await get(own.downloadUrl, colleagueA)).arrayBuffer()))).toBe(sha256(NETWORK_DIAGRAM));
  });

  it('partner systems do not read case files', async () => {
    const result = await attachmentsOf(incidentA, partnerA);
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('an upload on another customer’s case is NOT_FOUND, and nothing is stored', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const result = await requestUpload(adminA, { incidentId: incidentB });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
    // Even with a link for its own case, the other customer's identity cannot be used to write there.
    const link = await uploadLink(adminB, { incidentId: incidentB });
    expect((await put(link.uploadUrl, NETWORK_DIAGRAM, adminA)).status).toBe(404);
    await nothingStoredSince(files, rows);
  });

  it('an unknown case is NOT_FOUND', async () => {
    const result = await requestUpload(SUPPORT_DESK, { incidentId: randomUUID() });
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.entity])).toEqual([['NOT_FOUND', 'Incident']]);
  });

  it('a designated technician may put files on the case; a technician no longer designated may not', async () => {
    const link = await uploadLink(technicianA, {
      fileName: 'dial-plan.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      kind: 'CONFIGURATION',
    });
    expect((await put(link.uploadUrl, PDF, technicianA, 'application/pdf')).status).toBe(201);
    expect((await requestUpload(undesignatedA)).errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('a file over the size limit is BAD_USER_INPUT when asked for, and more bytes than declared are refused with 413; nothing is stored', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const oversized = await requestUpload(adminA, { size: MAX_BYTES + 1 });
    expect(oversized.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', 'size']]);
    const link = await uploadLink(adminA, { size: 1000 });
    const response = await put(link.uploadUrl, NETWORK_DIAGRAM, adminA);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'size' } }] });
    await nothingStoredSince(files, rows);
  });

  it('a file whose bytes do not match its declared type is refused (BAD_USER_INPUT); nothing is stored', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const pdfAsPng = await uploadLink(adminA, { size: PDF.length });
    const refused = await put(pdfAsPng.uploadUrl, PDF, adminA);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'contentType' } }] });
    const latin1 = Buffer.from('caller;callee\nJosé;Málaga\n', 'latin1');
    const notUtf8 = await uploadLink(adminA, { fileName: 'cdr.csv', contentType: 'text/csv', size: latin1.length, kind: 'CDR' });
    expect((await put(notUtf8.uploadUrl, latin1, adminA, 'text/csv')).status).toBe(400);
    const wrongHeader = await uploadLink(adminA);
    expect((await put(wrongHeader.uploadUrl, NETWORK_DIAGRAM, adminA, 'application/pdf')).status).toBe(400);
    expect((await requestUpload(adminA, { contentType: 'application/x-msdownload' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await nothingStoredSince(files, rows);
  });

  it('a file at the size limit whose first bytes betray another type is refused; nothing is stored', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const large = Buffer.concat([PDF, randomBytes(MAX_BYTES - PDF.length)]);
    const link = await uploadLink(adminA, { size: large.length });
    const refused = await put(link.uploadUrl, large, adminA);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'contentType' } }] });
    await nothingStoredSince(files, rows);
  });

  it('an expired or tampered upload link is refused; nothing is stored', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const link = await uploadLink(adminA);
    const [payload, signature] = link.uploadUrl.split('/').pop()!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const tampered = `/files/uploads/${Buffer.from(JSON.stringify({ ...claims, size: 999 })).toString('base64url')}.${signature}`;
    expect((await put(tampered, NETWORK_DIAGRAM.subarray(0, 999), adminA)).status).toBe(403);
    const issued = linkClock;
    linkClock = new Date(issued.getTime() + 121_000);
    const expired = await put(link.uploadUrl, NETWORK_DIAGRAM, adminA);
    linkClock = issued;
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    await nothingStoredSince(files, rows);
  });

  it('a transfer without the gateway’s signature is refused (401)', async () => {
    const link = await uploadLink(adminA);
    expect((await put(link.uploadUrl, NETWORK_DIAGRAM, null)).status).toBe(401);
  });

  it('an upload link is used once: a second upload on it is CONFLICT and the first file stays intact', async () => {
    const link = await uploadLink(adminA, { kind: 'OTHER' });
    expect((await put(link.uploadUrl, NETWORK_DIAGRAM, adminA)).status).toBe(201);
    const files = await storedFiles();
    const again = await put(link.uploadUrl, NETWORK_DIAGRAM, adminA);
    expect(again.status).toBe(409);
    expect(await storedFiles()).toEqual(files);
  });

  it('a failure between storing and committing leaves neither a row nor bytes', async () => {
    const [files, rows] = [await storedFiles(), await attachmentRows()];
    const link = await uploadLink(adminA);
    // The database refuses the row after the bytes have been stored (as a full disk or a lost connection would).
    await db.dataSource.query(
      "CREATE TRIGGER refuse_attachment BEFORE INSERT ON incident_attachment FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'",
    );
    try {
      const response = await put(link.uploadUrl, NETWORK_DIAGRAM, adminA);
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toMatch(/refused|SQL|incident_attachment/);
    } finally {
      await db.dataSource.query('DROP TRIGGER refuse_attachment');
    }
    await nothingStoredSince(files, rows);
    expect(await db.dataSource.getRepository(OutboxEvent).count({ where: { topic: 'incident.attachment-added' } })).toBe(rows);
  });

  it('key rotation: files stored under the old key stay readable, new ones use the new key', async () => {
    const rotated = await startSubgraph(storageWith('k2', 'k1', 'k2'));
    try {
      const listed = (await attachmentsOf(incidentA, adminA)).data?.incident?.attachments ?? [];
      const old = listed.find((attachment) => attachment.kind === 'NETWORK_DIAGRAM');
      if (!old) throw new Error('the network diagram uploaded first is not listed');
      expect((await db.dataSource.getRepository(Attachment).findOneByOrFail({ id: old.id })).keyId).toBe('k1');
      expect(sha256(Buffer.from(await (await get(old.downloadUrl, adminA, rotated)).arrayBuffer()))).toBe(sha256(NETWORK_DIAGRAM));
      const link = await uploadLink(adminA, { fileName: 'after rotation.png' });
      expect((await put(link.uploadUrl, NETWORK_DIAGRAM, adminA, 'image/png', rotated)).status).toBe(201);
      expect((await db.dataSource.getRepository(Attachment).findOneByOrFail({ id: link.attachmentId })).keyId).toBe('k2');
    } finally {
      await stop(rotated.server);
    }
  });

  it('a closed case takes no more files (CONFLICT)', async () => {
    const closed = await openCase(deviceA.id, contactA);
    await db.dataSource.query("UPDATE incident SET status = 'CLOSED' WHERE id = ?", [closed]);
    expect((await requestUpload(adminA, { incidentId: closed })).errors?.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.attachment-added']));
    expect(refused).toEqual([]);
  });
});
