import { randomUUID } from 'node:crypto';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { type ErasureSubject, type ExportSubject, findValues, type PersonalDataPeer, pseudonymsFor } from '@polyplus/privacy';
import { serviceUnavailable, startSubgraph, type RunningServer } from '@polyplus/subgraph-kit';
import { databaseFingerprint, unclassifiedEntityTables } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from '../customers-subgraph';
import { FakeDevices } from '../testing/fake-devices';
import { CUSTOMERS_PERSONAL_DATA } from './customers-personal-data';

/** Another service's part, faked: records what it was asked, answers records, fails when told to. */
class FakePeer implements PersonalDataPeer {
  readonly exported: ExportSubject[] = [];
  readonly erased: ErasureSubject[] = [];
  failErase = 0;
  failExport = false;

  constructor(
    readonly service: string,
    private readonly records: (subject: ExportSubject) => { section: string; data: Record<string, unknown> }[],
  ) {}

  async exportPage(subject: ExportSubject, after: string | null, limit: number) {
    this.exported.push(subject);
    if (this.failExport) throw serviceUnavailable(`The ${this.service} service cannot be reached`);
    const all = this.records(subject);
    const start = after ? Number(after) : 0;
    const page = all.slice(start, start + limit);
    return {
      records: page.map((record) => ({ section: record.section, data: JSON.stringify(record.data) })),
      next: start + limit < all.length ? String(start + limit) : null,
    };
  }

  async erase(subject: ErasureSubject) {
    if (this.failErase > 0) {
      this.failErase -= 1;
      throw serviceUnavailable(`The ${this.service} service cannot be reached`);
    }
    this.erased.push(subject);
    return { changedRows: 3, deletedFiles: this.service === 'incidents' ? 1 : 0 };
  }
}

type GraphQLAnswer<T> = { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('personal data of a customer and its contacts: exports and erasures, as support staff ask for them', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let clock = new Date('2026-05-04T09:00:00Z');
  const staff: Principal = { subject: 'tsr.ana', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const colleague: Principal = { subject: 'tsr.bo', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const ana = { name: 'Ana Kowalski', email: 'ana.kowalski@fabrikam.example' };
  const ben = { name: 'Ben Okafor', email: 'ben.okafor@fabrikam.example' };
  const ids = { fabrikam: '', contoso: '', ana: '', ben: '', contosoContact: '' };
  const anasCase = randomUUID();
  const bensCase = randomUUID();

  // The incidents service lists the contact's cases; logistics and dispatch answer for the cases they are asked about.
  const incidents = new FakePeer('incidents', (subject) => [
    { section: 'incidents', data: { id: anasCase, contactId: ids.ana, summary: 'Camera freezes' } },
    ...(subject.contactId ? [] : [{ section: 'incidents', data: { id: bensCase, contactId: ids.ben, summary: 'No audio' } }]),
    { section: 'comments', data: { incidentId: anasCase, body: 'Logs attached', author: `CUSTOMER_TECHNICIAN:${ana.email}` } },
  ]);
  const logistics = new FakePeer('logistics', (subject) =>
    (subject.incidentIds ?? [anasCase, bensCase]).map((incidentId) => ({ section: 'replacementOrders', data: { incidentId } })),
  );
  const dispatch = new FakePeer('dispatch', () => []);
  const devices = new FakePeer('devices', () =>
    Array.from({ length: 450 }, (_, index) => ({ section: 'softwareDownloads', data: { n: index } })),
  );
  const notifications = new FakePeer('notifications', (subject) => [
    { section: 'mailDeliveries', data: { contactId: subject.contactId ?? ids.ben, subject: 'Case opened' } },
  ]);
  const peers = [devices, incidents, logistics, dispatch, notifications];

  const graphql = async <T>(query: string, variables: Record<string, unknown>, principal: Principal = staff): Promise<GraphQLAnswer<T>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signPrincipal(principal, authConfig().principalSecrets[0]) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLAnswer<T>;
  };
  const data = async <T>(query: string, variables: Record<string, unknown> = {}, principal: Principal = staff): Promise<T> => {
    const answer = await graphql<T>(query, variables, principal);
    if (!answer.data || answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  };
  const download = (url: string, principal: Principal | null = staff) =>
    fetch(new URL(url, server.url), { headers: principal ? signPrincipal(principal, authConfig().principalSecrets[0]) : {} });
  const EXPORT = 'mutation ($input: ExportPersonalDataInput!) { exportPersonalData(input: $input) { downloadUrl expiresAt } }';
  const ERASE =
    'mutation ($contactId: ID!, $reason: String!) { eraseContact(contactId: $contactId, reason: $reason) { contactId pseudonym reason requestedBy completedAt steps { service changedRows deletedFiles } } }';
  const HOLD =
    'mutation ($customerId: ID!, $hold: Boolean!, $reason: String!) { setLegalHold(customerId: $customerId, hold: $hold, reason: $reason) { customerId } }';
  const audit = (customerId: string) =>
    db.dataSource.query(
      'SELECT `actor`, `action`, `contactId`, `reason` FROM `privacy_audit_entry` WHERE `customerId` = ? ORDER BY `sequence`',
      [customerId],
    );

  beforeAll(async () => {
    db = await createTestDatabase('customers_personal_data', customersSubgraph.database);
    server = await startSubgraph(createCustomersSubgraph({ devices: new FakeDevices().directory, now: () => clock, personalData: peers }), {
      dataSource: db.dataSource,
      port: 0,
    });
    const customer = async (name: string) =>
      (
        await data<{ createCustomer: { id: string } }>('mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }', {
          name,
        })
      ).createCustomer.id;
    const contact = async (customerId: string, person: { name: string; email: string }) =>
      (
        await data<{ addContact: { id: string } }>('mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
          input: { customerId, ...person, role: 'TECHNICIAN', designated: true },
        })
      ).addContact.id;
    ids.fabrikam = await customer('Fabrikam');
    ids.contoso = await customer('Contoso');
    ids.ana = await contact(ids.fabrikam, ana);
    ids.ben = await contact(ids.fabrikam, ben);
    ids.contosoContact = await contact(ids.contoso, ana);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  }, 60_000);

  it('every table of the customers service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, CUSTOMERS_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  describe('exports', () => {
    it('a contact’s export is one JSON document streamed from every service: the contact, their cases, and the orders of those cases only', async () => {
      const { exportPersonalData } = await data<{ exportPersonalData: { downloadUrl: string; expiresAt: string } }>(EXPORT, {
        input: { customerId: ids.fabrikam, contactId: ids.ana, reason: `Subject access request from ${ana.name}` },
      });
      expect(exportPersonalData.downloadUrl).toMatch(/^\/files\/personal-data\/[\w-]+\.[\w-]+$/);
      expect(exportPersonalData.expiresAt).toBe('2026-05-04T09:05:00.000Z');
      const response = await download(exportPersonalData.downloadUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="personal-data-contact-${ids.ana}.json"`);
      const document = (await response.json()) as {
        format: string;
        subject: unknown;
        complete: boolean;
        records: { service: string; section: string; data: Record<string, unknown> }[];
      };
      expect(document).toMatchObject({
        format: 'polyplus.personal-data-export.v1',
        subject: { customerId: ids.fabrikam, contactId: ids.ana },
        complete: true,
      });
      const of = (service: string, section: string) =>
        document.records.filter((record) => record.service === service && record.section === section).map((record) => record.data);
      expect(of('customers', 'contacts')).toEqual([expect.objectContaining({ id: ids.ana, name: ana.name, email: ana.email })]);
      expect(of('customers', 'customer')).toEqual([expect.objectContaining({ id: ids.fabrikam, name: 'Fabrikam' })]);
      expect(of('devices', 'softwareDownloads')).toHaveLength(450); // three pages
      expect(of('incidents', 'incidents').map((incident) => incident.id)).toEqual([anasCase]);
      expect(of('logistics', 'replacementOrders')).toEqual([{ incidentId: anasCase }]);
      expect(logistics.exported.at(-1)).toEqual({
        customerId: ids.fabrikam,
        contactId: ids.ana,
        email: ana.email,
        incidentIds: [anasCase],
      });
      expect(incidents.exported.at(-1)).toEqual({ customerId: ids.fabrikam, contactId: ids.ana, email: ana.email });
      expect(JSON.stringify(document)).not.toContain(ben.email);
      expect(JSON.stringify(document)).not.toContain(ids.ben);
      expect((await audit(ids.fabrikam)).slice(-2)).toEqual([
        {
          actor: 'SUPPORT_ENGINEER:tsr.ana',
          action: 'PERSONAL_DATA_EXPORT_REQUESTED',
          contactId: ids.ana,
          reason: `Subject access request from ${ana.name}`,
        },
        { actor: 'SUPPORT_ENGINEER:tsr.ana', action: 'PERSONAL_DATA_EXPORTED', contactId: ids.ana, reason: 'export link followed' },
      ]);
    });

    it('a customer’s export holds its sites, contacts and contracts and every service’s records of it, nothing of another customer', async () => {
      const { exportPersonalData } = await data<{ exportPersonalData: { downloadUrl: string } }>(EXPORT, {
        input: { customerId: ids.fabrikam, reason: 'Customer leaving: data portability' },
      });
      const document = (await (await download(exportPersonalData.downloadUrl)).json()) as {
        complete: boolean;
        records: { service: string; section: string; data: Record<string, unknown> }[];
      };
      expect(document.complete).toBe(true);
      expect(
        document.records
          .filter((record) => record.section === 'contacts')
          .map((record) => record.data.id)
          .sort(),
      ).toEqual([ids.ana, ids.ben].sort());
      expect(document.records.filter((record) => record.service === 'logistics').map((record) => record.data.incidentId)).toEqual([
        anasCase,
        bensCase,
      ]);
      expect(logistics.exported.at(-1)).toEqual({ customerId: ids.fabrikam, contactId: null, email: null });
      expect(JSON.stringify(document)).not.toContain(ids.contoso);
      expect(JSON.stringify(document)).not.toContain(ids.contosoContact);
    });

    it('the link serves only the engineer it was issued to, before it expires, through the gateway’s signature', async () => {
      const { exportPersonalData } = await data<{ exportPersonalData: { downloadUrl: string } }>(EXPORT, {
        input: { customerId: ids.fabrikam, contactId: ids.ana, reason: 'DSR-1' },
      });
      expect((await download(exportPersonalData.downloadUrl, colleague)).status).toBe(403);
      expect(
        (await download(exportPersonalData.downloadUrl, { subject: 'tsr.ana', role: 'CUSTOMER_ADMIN', customerIds: [ids.fabrikam] }))
          .status,
      ).toBe(403);
      expect((await download(exportPersonalData.downloadUrl, null)).status).toBe(401);
      expect((await download(`${exportPersonalData.downloadUrl.slice(0, -2)}xx`)).status).toBe(403);
      clock = new Date(clock.getTime() + 301_000);
      expect((await download(exportPersonalData.downloadUrl)).status).toBe(403);
    });

    it('only support staff ask for exports; an unknown customer, or a contact of another customer, is NOT_FOUND; a blank reason BAD_USER_INPUT', async () => {
      const admin: Principal = { subject: 'admin', role: 'CUSTOMER_ADMIN', customerIds: [ids.fabrikam] };
      expect((await graphql(EXPORT, { input: { customerId: ids.fabrikam, reason: 'mine' } }, admin)).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await graphql(EXPORT, { input: { customerId: randomUUID(), reason: 'x' } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(
        (await graphql(EXPORT, { input: { customerId: ids.fabrikam, contactId: ids.contosoContact, reason: 'x' } })).errors?.[0].extensions
          ?.code,
      ).toBe('NOT_FOUND');
      expect((await graphql(EXPORT, { input: { customerId: ids.fabrikam, reason: '   ' } })).errors?.[0].extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('a service failing mid-export cuts the download short: the document never claims to be complete', async () => {
      const { exportPersonalData } = await data<{ exportPersonalData: { downloadUrl: string } }>(EXPORT, {
        input: { customerId: ids.fabrikam, reason: 'DSR-2' },
      });
      notifications.failExport = true;
      try {
        const response = await download(exportPersonalData.downloadUrl);
        expect(response.status).toBe(200);
        const text = await response.text().catch(() => '');
        expect(text).not.toContain('"complete":true');
      } finally {
        notifications.failExport = false;
      }
    });
  });

  describe('erasing a contact', () => {
    it('is refused with CONFLICT (reason LEGAL_HOLD) while the customer is under a legal hold, and changes nothing anywhere', async () => {
      await data(HOLD, { customerId: ids.fabrikam, hold: true, reason: `Litigation concerning ${ana.name}` });
      const before = await databaseFingerprint(db.database);
      const refused = await graphql(ERASE, { contactId: ids.ana, reason: 'Erasure request' });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LEGAL_HOLD' });
      expect(peers.flatMap((peer) => peer.erased)).toEqual([]);
      expect(await databaseFingerprint(db.database)).toEqual(before);
      await data(HOLD, { customerId: ids.fabrikam, hold: false, reason: 'Case settled' });
    });

    it('a service failing stops the erasure; called again, it resumes after the services that finished and completes, pseudonymising the contact last', async () => {
      dispatch.failErase = 1;
      const failed = await graphql(ERASE, { contactId: ids.ana, reason: `Erasure requested by ${ana.name} (${ana.email})` });
      expect(failed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(peers.map((peer) => [peer.service, peer.erased.length])).toEqual([
        ['devices', 1],
        ['incidents', 1],
        ['logistics', 1],
        ['dispatch', 0],
        ['notifications', 0],
      ]);
      // Until the last step the contact's values stay where the services can be asked about them again.
      expect(await db.dataSource.query('SELECT `name`, `email` FROM `contact` WHERE `id` = ?', [ids.ana])).toEqual([ana]);
      expect(devices.erased[0]).toEqual({
        customerId: ids.fabrikam,
        contactId: ids.ana,
        email: ana.email,
        name: ana.name,
        erasedBy: 'SUPPORT_ENGINEER:tsr.ana',
      });

      clock = new Date('2026-05-04T10:00:00Z');
      const { eraseContact } = await data<{
        eraseContact: { pseudonym: string; reason: string; requestedBy: string; completedAt: string; steps: { service: string }[] };
      }>(ERASE, { contactId: ids.ana, reason: 'Retry' }, colleague);
      const erased = pseudonymsFor(ids.ana);
      expect(eraseContact).toMatchObject({
        pseudonym: erased.name,
        reason: `Erasure requested by ${erased.name} (${erased.email})`,
        requestedBy: 'SUPPORT_ENGINEER:tsr.ana',
        completedAt: '2026-05-04T10:00:00.000Z',
      });
      expect(eraseContact.steps.map((step) => step.service)).toEqual([
        'devices',
        'incidents',
        'logistics',
        'dispatch',
        'notifications',
        'customers',
      ]);
      expect(peers.map((peer) => [peer.service, peer.erased.length])).toEqual([
        ['devices', 1],
        ['incidents', 1],
        ['logistics', 1],
        ['dispatch', 1],
        ['notifications', 1],
      ]);
      expect(await db.dataSource.query('SELECT `name`, `email`, `designated` FROM `contact` WHERE `id` = ?', [ids.ana])).toEqual([
        { name: erased.name, email: erased.email, designated: 0 },
      ]);
    });

    it('leaves nothing of the contact in the customers service — audit reasons included — and audits the erasure once, by id; the same person at another customer keeps their contact', async () => {
      const left = await findValues((sql, params) => db.dataSource.query(sql, params), [db.database], [ana.name, ana.email]);
      expect(left.map((found) => [found.table, found.row.id ?? found.row.customerId])).toEqual([
        ['contact', ids.contosoContact],
        ['contact', ids.contosoContact],
      ]);
      const erasures = (await audit(ids.fabrikam)).filter((entry: { action: string }) => entry.action === 'CONTACT_ERASED');
      expect(erasures).toEqual([
        {
          actor: 'SUPPORT_ENGINEER:tsr.bo',
          action: 'CONTACT_ERASED',
          contactId: ids.ana,
          reason: `Erasure requested by ${pseudonymsFor(ids.ana).name} (${pseudonymsFor(ids.ana).email})`,
        },
      ]);
    });

    it('a second erasure is answered unchanged and changes nothing', async () => {
      const before = await databaseFingerprint(db.database);
      const calls = peers.map((peer) => peer.erased.length);
      const { eraseContact } = await data<{ eraseContact: { completedAt: string } }>(ERASE, { contactId: ids.ana, reason: 'Again' });
      expect(eraseContact.completedAt).toBe('2026-05-04T10:00:00.000Z');
      expect(peers.map((peer) => peer.erased.length)).toEqual(calls);
      expect(await databaseFingerprint(db.database)).toEqual(before);
    });

    it('an unknown contact is NOT_FOUND; customers and planners may not erase', async () => {
      expect((await graphql(ERASE, { contactId: randomUUID(), reason: 'x' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(
        (
          await graphql(
            ERASE,
            { contactId: ids.ben, reason: 'x' },
            { subject: 'admin', role: 'CUSTOMER_ADMIN', customerIds: [ids.fabrikam] },
          )
        ).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await graphql(ERASE, { contactId: ids.ben, reason: 'x' }, { subject: 'planner', role: 'DISPATCH_PLANNER', customerIds: [] }))
          .errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await graphql(ERASE, { contactId: ids.ben, reason: ' ' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await db.dataSource.query('SELECT COUNT(*) AS n FROM `contact_erasure` WHERE `contactId` = ?', [ids.ben])).toEqual([
        { n: '0' },
      ]);
    });
  });
});
