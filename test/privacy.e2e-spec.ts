import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { createConnection } from 'mysql2/promise';
import type { Principal } from '@polyplus/auth';
import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { parseMysqlUrl } from '@polyplus/persistence';
import { findValues, pseudonymsFor } from '@polyplus/privacy';
import { quiescentFingerprint } from '@polyplus/testing';
import { startE2eStack, type E2eStack, type GatewayAs } from './support/e2e-stack';
import { createTenant, type Tenant } from './support/tenants';

// ISMS: "Privacy by Design (access is only allowed via least privileged and need-to-know
// methodologies ...)". A person's data can be handed to them and erased, except under a legal hold.

type ExportDocument = {
  format: string;
  complete: boolean;
  subject: { customerId: string; contactId: string | null };
  records: { service: string; section: string; data: Record<string, unknown> }[];
};
type Person = { id: string; name: string; email: string; as: GatewayAs; principal: Principal };

const CDR = Buffer.from('caller,callee,started,seconds\n+441632960001,+441632960002,2026-03-02T09:00:00Z,312\n');
const LINK_SECRET = 'e2e-privacy-attachment-link-secret-of-32-characters';
const EXPORT = 'mutation ($input: ExportPersonalDataInput!) { exportPersonalData(input: $input) { downloadUrl expiresAt } }';
const ERASE =
  'mutation ($contactId: ID!, $reason: String!) { eraseContact(contactId: $contactId, reason: $reason) { contactId pseudonym completedAt steps { service deletedFiles } } }';
const HOLD =
  'mutation ($customerId: ID!, $hold: Boolean!, $reason: String!) { setLegalHold(customerId: $customerId, hold: $hold, reason: $reason) { customerId } }';

let stack: E2eStack;
let storageDir: string;
let origin: string;
let customerId: string;
let deviceId: string;
let ana: Person;
let ben: Person;
let contoso: Tenant;
const cases = { ana: '', ben: '' };
const files = { anasCdr: '', bensNotes: '' };

const staff = () => stack.gateway;
const run = <T>(as: GatewayAs, query: string, variables: Record<string, unknown> = {}) => graphqlData<T>(as, query, variables);
const version = async (id: string) =>
  (await run<{ incident: { version: number } }>(staff(), 'query ($id: ID!) { incident(id: $id) { version } }', { id })).incident.version;

async function addPerson(name: string, email: string): Promise<Person> {
  const { addContact } = await run<{ addContact: { id: string } }>(
    staff(),
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    { input: { customerId, name, email, role: 'TECHNICIAN', designated: true } },
  );
  // The identity provider names people by their e-mail address: their actor strings carry it.
  const principal: Principal = { subject: email, role: 'CUSTOMER_TECHNICIAN', customerIds: [customerId], contactId: addContact.id };
  return { id: addContact.id, name, email, principal, as: await stack.as(principal) };
}

async function openCase(person: Person, summary: string): Promise<string> {
  const { openIncident } = await run<{ openIncident: { id: string } }>(
    person.as,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    {
      input: { contactId: person.id, deviceId, severity: 2, channel: 'WEB', summary },
    },
  );
  return openIncident.id;
}

async function upload(as: GatewayAs, incidentId: string, fileName: string, bytes: Buffer): Promise<string> {
  const { requestAttachmentUpload } = await run<{ requestAttachmentUpload: { attachmentId: string; uploadUrl: string } }>(
    as,
    'mutation ($input: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $input) { attachmentId uploadUrl } }',
    { input: { incidentId, fileName, contentType: 'text/csv', size: bytes.length, kind: 'CDR' } },
  );
  const response = await fetch(new URL(requestAttachmentUpload.uploadUrl, origin), {
    method: 'PUT',
    body: bytes,
    headers: { authorization: `Bearer ${as.token}`, 'content-type': 'text/csv' },
  });
  expect(response.status).toBe(201);
  return requestAttachmentUpload.attachmentId;
}

const comment = (as: GatewayAs, incidentId: string, body: string) =>
  run(as, 'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id } }', { input: { incidentId, body } });

async function exportOf(subject: { customerId: string; contactId?: string }, reason: string): Promise<ExportDocument> {
  const { exportPersonalData } = await run<{ exportPersonalData: { downloadUrl: string } }>(staff(), EXPORT, {
    input: { ...subject, reason },
  });
  const response = await fetch(new URL(exportPersonalData.downloadUrl, origin), { headers: { authorization: `Bearer ${staff().token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as ExportDocument;
}

/** Every database of the test stack: one per subgraph. */
async function withDatabases<T>(
  use: (query: (sql: string, params?: unknown[]) => Promise<unknown>, databases: string[]) => Promise<T>,
): Promise<T> {
  const server = parseMysqlUrl();
  const connection = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  try {
    const query = async (sql: string, params: unknown[] = []) => (await connection.query(sql, params))[0];
    const schemata = (await query('SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? ORDER BY 1', [
      `${stack.prefix.replace(/_/g, '\\_')}%`,
    ])) as { name: string }[];
    return await use(
      query,
      schemata.map((schema) => schema.name),
    );
  } finally {
    await connection.end();
  }
}

async function storedFiles(): Promise<number> {
  const entries = await readdir(join(storageDir, 'objects'), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'e2e-privacy-'));
  stack = await startE2eStack('e2e_privacy', {
    OBJECT_STORAGE_DIR: storageDir,
    ATTACHMENT_LINK_SECRETS: LINK_SECRET,
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_STAFF_PER_MINUTE: '0',
  });
  origin = new URL(stack.gatewayUrl).origin;
  ({
    createCustomer: { id: customerId },
  } = await run<{ createCustomer: { id: string } }>(staff(), 'mutation { createCustomer(input: { name: "Fabrikam Privacy" }) { id } }'));
  const { createSite } = await run<{ createSite: { id: string } }>(
    staff(),
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    { input: { customerId, name: 'Fabrikam Leeds', countryCode: 'GB', timeZone: 'Europe/London' } },
  );
  ({
    registerDevice: { id: deviceId },
  } = await run<{ registerDevice: { id: string } }>(
    staff(),
    'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
    {
      input: { customerId, siteId: createSite.id, serialNumber: 'PRIVACY-FAB-01', productModel: 'Studio X50' },
    },
  ));
  await run(staff(), 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: { customerId, reference: 'PP-PRIVACY-FAB', startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [deviceId] },
  });
  await run(staff(), 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
    input: { customerId, name: 'Fabrikam IT Desk', email: 'it-desk@fabrikam-privacy.example', role: 'ADMIN' },
  });
  ana = await addPerson('Ana Kowalski', 'ana.kowalski@fabrikam-privacy.example');
  ben = await addPerson('Ben Okafor', 'ben.okafor@fabrikam-privacy.example');
  contoso = await createTenant(stack, 'Contoso Privacy', 'PRIVACY-CON-01');

  // Ana's case: she reports it, writes, uploads call records, hears from support; Ben joins in.
  cases.ana = await openCase(ana, 'Boardroom camera freezes during calls (Ana Kowalski, ext. 4410)');
  cases.ben = await openCase(ben, 'No audio in room 2');
  await comment(ana.as, cases.ana, 'It froze again at 09:12. Regards, Ana Kowalski <ana.kowalski@fabrikam-privacy.example>');
  await comment(ben.as, cases.ana, 'Ben here: room 2 has the same freeze.');
  await comment(staff(), cases.ana, 'Thanks Ana Kowalski, please upload the call records of that morning.');
  files.anasCdr = await upload(ana.as, cases.ana, 'calls-2026-03-02.csv', CDR);
  files.bensNotes = await upload(ben.as, cases.ben, 'room2-calls.csv', CDR);
  await run(ana.as, 'mutation ($input: SetNotificationPreferencesInput!) { setNotificationPreferences(input: $input) { mode } }', {
    input: {
      contactId: ana.id,
      mode: 'IMMEDIATE',
      categories: ['CASE_UPDATES', 'REPLACEMENT_PARTS', 'RETURNS', 'ONSITE_VISITS', 'SECURITY_NOTICES'],
      timeZone: 'Europe/London',
    },
  });
  // A security notice she acknowledges, a software release she downloads.
  const { recordSecurityNotice } = await run<{ recordSecurityNotice: { id: string } }>(
    staff(),
    'mutation ($input: RecordSecurityNoticeInput!) { recordSecurityNotice(input: $input) { id } }',
    {
      input: {
        kind: 'SECURITY',
        severity: 'HIGH',
        title: 'Firmware advisory PRIV-1',
        summary: 'Update the Studio X50 firmware.',
        detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
        affectedCustomerIds: [customerId],
      },
    },
  );
  await run(staff(), 'mutation ($id: ID!) { publishSecurityNotice(id: $id) { id } }', { id: recordSecurityNotice.id });
  await run(ana.as, 'mutation ($id: ID!) { acknowledgeSecurityNotice(noticeId: $id) { id } }', { id: recordSecurityNotice.id });
  const { device } = await run<{ device: { product: { id: string } } }>(
    staff(),
    'query ($id: ID!) { device(id: $id) { product { id } } }',
    { id: deviceId },
  );
  const { publishSoftwareRelease } = await run<{ publishSoftwareRelease: { id: string } }>(
    staff(),
    'mutation ($input: PublishReleaseInput!) { publishSoftwareRelease(input: $input) { id } }',
    {
      input: {
        productId: device.product.id,
        version: '99.1.0',
        releasedOn: '2026-01-15',
        downloadUrl: 'https://downloads.poly.com/studio-x50/99.1.0.tar',
      },
    },
  );
  await run(ana.as, 'mutation ($r: ID!) { downloadSoftwareRelease(releaseId: $r) { version } }', { r: publishSoftwareRelease.id });
  // A serial-number list she mails in, and the reply she gets.
  await nodemailer.createTransport(stack.mail.receiverUrl, { tls: { rejectUnauthorized: false } } as never).sendMail({
    from: `${ana.name} <${ana.email}>`,
    to: 'serials@polyplus.test',
    subject: `Serial numbers from ${ana.name}`,
    text: `Hello,\n\nPRIVACY-MAIL-0001, Studio X50\n\n${ana.name}\n`,
  });
  const sink = stack.mail.sink;
  if (!sink) throw new Error('the stack has no mail sink');
  await sink.waitFor((mail) => mail.to.includes(ana.email) && mail.parsed.subject === `Re: Serial numbers from ${ana.name}`);
  await sink.waitFor((mail) => mail.to.includes(ana.email) && (mail.parsed.subject ?? '').includes('Firmware advisory PRIV-1'));
}, 600_000);

afterAll(async () => {
  await stack?.teardown();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
}, 120_000);

describe('a contact’s personal data, exported and erased through the gateway', () => {
  it('the export of a contact contains their cases, comments and uploads’ metadata — and nothing of another contact or customer', async () => {
    const document = await exportOf({ customerId, contactId: ana.id }, `DSR-2026-0042: access request from ${ana.name}`);
    expect(document).toMatchObject({
      format: 'polyplus.personal-data-export.v1',
      complete: true,
      subject: { customerId, contactId: ana.id },
    });
    const of = (service: string, section: string) =>
      document.records.filter((record) => record.service === service && record.section === section).map((record) => record.data);
    expect(of('customers', 'contacts')).toEqual([expect.objectContaining({ id: ana.id, name: ana.name, email: ana.email })]);
    expect(of('incidents', 'incidents').map((incident) => incident.id)).toEqual([cases.ana]);
    expect(
      of('incidents', 'comments')
        .map((entry) => entry.body)
        .sort(),
    ).toEqual([
      'It froze again at 09:12. Regards, Ana Kowalski <ana.kowalski@fabrikam-privacy.example>',
      'Thanks Ana Kowalski, please upload the call records of that morning.',
    ]);
    const [cdr] = of('incidents', 'attachments');
    expect(cdr).toMatchObject({
      id: files.anasCdr,
      fileName: 'calls-2026-03-02.csv',
      kind: 'CDR',
      size: CDR.length,
      sha256: createHash('sha256').update(CDR).digest('hex'),
      uploadedBy: `CUSTOMER_TECHNICIAN:${ana.email}`,
    });
    expect(cdr).not.toHaveProperty('storageKey');
    expect(of('incidents', 'attachments')).toHaveLength(1);
    expect(of('incidents', 'securityNoticeAcknowledgements')).toEqual([
      expect.objectContaining({ acknowledgedBy: `CUSTOMER_TECHNICIAN:${ana.email}` }),
    ]);
    expect(of('devices', 'softwareDownloads')).toEqual([
      expect.objectContaining({ version: '99.1.0', downloadedBy: `CUSTOMER_TECHNICIAN:${ana.email}` }),
    ]);
    expect(of('notifications', 'notificationPreferences')).toEqual([
      expect.objectContaining({ contactId: ana.id, timeZone: 'Europe/London' }),
    ]);
    expect(of('notifications', 'mailDeliveries').length).toBeGreaterThanOrEqual(2);
    expect(of('notifications', 'inboundMails')).toEqual([
      expect.objectContaining({ fromAddress: ana.email, subject: `Serial numbers from ${ana.name}` }),
    ]);
    const text = JSON.stringify(document);
    for (const other of [ben.name, ben.email, ben.id, cases.ben, files.bensNotes, 'Ben here', contoso.customerId, contoso.contactId])
      expect(text).not.toContain(other);
  });

  it('an erase while the customer is under a legal hold is refused (CONFLICT, reason LEGAL_HOLD) and changes nothing in any database', async () => {
    await run(staff(), HOLD, { customerId, hold: true, reason: `Litigation hold: complaint by ${ana.name}` });
    const before = await quiescentFingerprint(stack.prefix);
    const refused = await graphqlRequest(staff(), ERASE, { contactId: ana.id, reason: 'Erasure request DSR-2026-0043' });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LEGAL_HOLD' });
    expect(await quiescentFingerprint(stack.prefix)).toEqual(before);
    await run(staff(), HOLD, { customerId, hold: false, reason: 'Complaint withdrawn' });
  }, 300_000);

  it('after the erasure no seeded personal value of the contact remains in any column of any table of any subgraph database, and their upload is deleted', async () => {
    const stored = await storedFiles();
    const { eraseContact } = await run<{
      eraseContact: { pseudonym: string; completedAt: string | null; steps: { service: string; deletedFiles: number }[] };
    }>(staff(), ERASE, {
      contactId: ana.id,
      reason: `Erasure request DSR-2026-0043 from ${ana.name}`,
    });
    expect(eraseContact.pseudonym).toBe(pseudonymsFor(ana.id).name);
    expect(eraseContact.completedAt).not.toBeNull();
    expect(eraseContact.steps.map((step) => step.service)).toEqual([
      'devices',
      'incidents',
      'logistics',
      'dispatch',
      'notifications',
      'customers',
    ]);
    expect(eraseContact.steps.find((step) => step.service === 'incidents')?.deletedFiles).toBe(1);
    expect(await storedFiles()).toBe(stored - 1);
    await quiescentFingerprint(stack.prefix);
    const left = await withDatabases((query, databases) => {
      expect(databases.length).toBeGreaterThanOrEqual(6);
      return findValues(query, databases, [ana.name, ana.email]);
    });
    expect(left.map((found) => `${found.database}.${found.table}.${found.column}`)).toEqual([]);
    // Ben, who is not erased, is still there.
    expect(await withDatabases((query, databases) => findValues(query, databases, [ben.email]))).not.toEqual([]);
    const { contact } = await run<{ contact: { name: string; email: string; designated: boolean } }>(
      staff(),
      'query ($id: ID!) { contact(id: $id) { name email designated } }',
      { id: ana.id },
    );
    expect(contact).toEqual({ name: pseudonymsFor(ana.id).name, email: pseudonymsFor(ana.id).email, designated: false });
  }, 300_000);

  it('the erased contact’s case and its clocks still work: support reads it, responds and resolves it', async () => {
    const CASE = 'query ($id: ID!) { incident(id: $id) { status summary comments { author body } resolutionClock { state } } }';
    const { incident } = await run<{ incident: { status: string; summary: string; comments: { author: string; body: string }[] } }>(
      staff(),
      CASE,
      { id: cases.ana },
    );
    const erased = pseudonymsFor(ana.id);
    expect(incident.summary).toBe(`Boardroom camera freezes during calls (${erased.name}, ext. 4410)`);
    expect(incident.comments[0]).toEqual({
      author: `CUSTOMER_TECHNICIAN:${erased.subject}`,
      body: `It froze again at 09:12. Regards, ${erased.name} <${erased.email}>`,
    });
    await run(staff(), 'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { id } }', {
      input: { incidentId: cases.ana, expectedVersion: await version(cases.ana) },
    });
    const { resolveIncident } = await run<{ resolveIncident: { status: string; resolutionClock: { state: string } } }>(
      staff(),
      'mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { status resolutionClock { state } } }',
      { input: { incidentId: cases.ana, expectedVersion: await version(cases.ana), resolution: 'Firmware 99.1.0 fixes the freeze.' } },
    );
    expect(resolveIncident).toEqual({ status: 'RESOLVED', resolutionClock: { state: 'MET' } });
  }, 120_000);

  it('a second erase of the same contact is a no-op: the same completed erasure, nothing changed in any database', async () => {
    const before = await quiescentFingerprint(stack.prefix);
    const first = await run<{ contactErasure: { completedAt: string } }>(
      staff(),
      'query ($id: ID!) { contactErasure(contactId: $id) { completedAt } }',
      { id: ana.id },
    );
    const { eraseContact } = await run<{ eraseContact: { completedAt: string } }>(staff(), ERASE, {
      contactId: ana.id,
      reason: 'Erasure request DSR-2026-0043 (again)',
    });
    expect(eraseContact.completedAt).toBe(first.contactErasure.completedAt);
    expect(await quiescentFingerprint(stack.prefix)).toEqual(before);
  }, 300_000);

  it('exports and erasures are for support staff only: a customer admin, a partner and a planner are refused', async () => {
    for (const principal of [
      contoso.principal,
      { subject: 'partner-x', role: 'PARTNER', customerIds: [customerId] },
      { subject: 'planner', role: 'DISPATCH_PLANNER', customerIds: [] },
    ] as Principal[]) {
      const as = await stack.as(principal);
      expect(
        (await graphqlRequest(as, EXPORT, { input: { customerId: contoso.customerId, reason: 'mine' } })).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await graphqlRequest(as, ERASE, { contactId: contoso.contactId, reason: 'mine' })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
  });
});
