import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { collectExport, findValues, inProcessClient, personalDataPeer, type PersonalDataPeer, pseudonymsFor } from '@polyplus/privacy';
import { eraseAgain, staffPersonalDataPeer, unclassifiedEntityTables } from '@polyplus/testing';
import { createNotificationsSubgraph } from '../notifications-subgraph';
import { NOTIFICATIONS_ENTITIES, NOTIFICATIONS_MIGRATIONS } from '../notifications-database';
import { testMailConfig } from '../testing/notifications-harness';
import { FakeSubgraphs } from '../testing/fake-subgraphs';
import { MailDelivery } from '../delivery/mail-delivery.entity';
import { MailDeliveryStatus } from '../delivery/mail-delivery-status';
import { MailBounce } from '../delivery/mail-bounce.entity';
import { DigestEntry } from '../digest/digest-entry.entity';
import { InboundMail } from '../inbound/inbound-mail.entity';
import { NotificationPreference } from '../preferences/notification-preference.entity';
import { DeliveryMode } from '../preferences/delivery-mode';
import { NOTIFICATIONS_PERSONAL_DATA } from './notifications-personal-data';

describe('personal data in the notifications service: export and erasure', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let peer: PersonalDataPeer;
  const at = new Date('2026-03-03T12:00:00Z');
  const fabrikam = randomUUID();
  const contoso = randomUUID();
  const ana = { contactId: randomUUID(), email: 'ana.kowalski@fabrikam.example', name: 'Ana Kowalski' };
  const anaAtContoso = randomUUID();
  const ben = { contactId: randomUUID(), email: 'ben.okafor@fabrikam.example', name: 'Ben Okafor' };
  const admin = { contactId: randomUUID(), email: 'it-admin@fabrikam.example', name: 'Fabrikam IT' };
  const erased = pseudonymsFor(ana.contactId);
  const ids = {
    anasSent: randomUUID(),
    anasPending: randomUUID(),
    adminsMail: randomUUID(),
    contosoMail: randomUUID(),
    bensMail: randomUUID(),
    heldDigest: randomUUID(),
    sentDigest: randomUUID(),
  };

  const delivery = (
    id: string,
    contact: { contactId: string; email: string; name: string },
    customerId: string,
    about: string,
    status = MailDeliveryStatus.SENT,
  ) =>
    db.dataSource.getRepository(MailDelivery).insert({
      id,
      sourceKey: randomUUID(),
      contactId: contact.contactId,
      customerId,
      toAddress: contact.email,
      recipientName: contact.name,
      kind: 'CASE_OPENED',
      content: JSON.stringify({ type: 'notice', notice: { kind: 'CASE_OPENED', summary: about } }),
      timeZone: 'Europe/London',
      locale: 'en-GB',
      status,
      subject: `Case opened: ${about}`,
      html: `<p>Dear ${contact.name},</p><p>${about}</p>`,
      text: `Dear ${contact.name},\n${about}`,
      renderedAt: at,
      messageId: `<${id}@polyplus.test>`,
      createdAt: at,
    });

  /** A serial list a contact of Fabrikam sent by mail, registered. */
  const inboundMail = (
    n: number,
    from: { contactId: string; email: string },
    subject: string,
    registeredCount: number,
    sizeBytes: number,
  ) => ({
    id: randomUUID(),
    dedupeKey: randomUUID()
      .replace(/-/g, '')
      .padEnd(64, String(n - 1)),
    messageId: `<m${n}@fabrikam.example>`,
    fromAddress: from.email,
    contactId: from.contactId,
    customerId: fabrikam,
    subject,
    receivedAt: at,
    spf: 'pass',
    dkim: 'pass',
    dmarc: 'pass',
    outcome: 'REGISTERED',
    detail: null,
    registeredCount,
    sizeBytes,
  });

  beforeAll(async () => {
    db = await createTestDatabase('notifications_privacy', { entities: NOTIFICATIONS_ENTITIES, migrations: NOTIFICATIONS_MIGRATIONS });
    const world = new FakeSubgraphs();
    ({ schema } = await createNotificationsSubgraph({
      mail: testMailConfig('smtp://127.0.0.1:1'),
      customers: world.customersClient,
      incidents: world.incidentsClient,
      devices: world.devicesClient,
      logistics: world.logisticsClient,
      now: () => at,
    }).build(db.dataSource));
    peer = personalDataPeer('notifications', inProcessClient(schema));
    const preferences = db.dataSource.getRepository(NotificationPreference);
    await preferences.insert({
      contactId: ana.contactId,
      customerId: fabrikam,
      mode: DeliveryMode.DAILY_DIGEST,
      digestHour: 7,
      updatedAt: at,
      updatedBy: `CUSTOMER_TECHNICIAN:${ana.email}`,
    });
    await preferences.insert({
      contactId: ben.contactId,
      customerId: fabrikam,
      mode: DeliveryMode.IMMEDIATE,
      updatedAt: at,
      updatedBy: `CUSTOMER_TECHNICIAN:${ben.email}`,
    });
    await delivery(ids.anasSent, ana, fabrikam, 'Camera freezes in the boardroom');
    await delivery(ids.anasPending, ana, fabrikam, 'Part on its way', MailDeliveryStatus.PENDING);
    await delivery(ids.adminsMail, admin, fabrikam, 'Case reported by Ana Kowalski <ana.kowalski@fabrikam.example>');
    await delivery(ids.bensMail, ben, fabrikam, 'No audio');
    await delivery(ids.contosoMail, { ...ana, contactId: anaAtContoso }, contoso, 'Contoso camera fault');
    await db.dataSource.getRepository(DigestEntry).insert([
      {
        id: ids.heldDigest,
        eventId: randomUUID(),
        contactId: ana.contactId,
        customerId: fabrikam,
        kind: 'CASE_UPDATED',
        notice: JSON.stringify({ summary: 'Update for Ana Kowalski' }),
        timeZone: 'Europe/London',
        occurredAt: at,
        dueAt: at,
        deliveryId: null,
      },
      {
        id: ids.sentDigest,
        eventId: randomUUID(),
        contactId: ana.contactId,
        customerId: fabrikam,
        kind: 'CASE_UPDATED',
        notice: JSON.stringify({ summary: 'Earlier update for Ana Kowalski' }),
        timeZone: 'Europe/London',
        occurredAt: at,
        dueAt: at,
        deliveryId: ids.anasSent,
      },
    ]);
    await db.dataSource
      .getRepository(InboundMail)
      .insert([inboundMail(1, ana, 'Serial numbers from Ana Kowalski', 2, 900), inboundMail(2, ben, 'Serials (Ben)', 1, 800)]);
    await db.dataSource.getRepository(MailBounce).insert({
      id: randomUUID(),
      email: ana.email,
      kind: 'SOFT',
      source: 'DSN',
      diagnostic: `452 <${ana.email}>: mailbox full`,
      deliveryId: ids.anasSent,
      occurredAt: at,
      clearedAt: at,
      clearedBy: `CUSTOMER_TECHNICIAN:${ana.email}`,
    });
  }, 180_000);
  afterAll(() => db?.drop(), 60_000);

  it('every table of the notifications service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, NOTIFICATIONS_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  it('a contact’s export holds their preferences, the mail they were sent, their digest entries, the mail they sent and their bounces — nothing of another contact', async () => {
    const records = await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, email: ana.email }, 2);
    const section = (name: string) => records.filter((entry) => entry.section === name).map((entry) => entry.record);
    expect(section('notificationPreferences')).toEqual([expect.objectContaining({ contactId: ana.contactId, mode: 'DAILY_DIGEST' })]);
    expect(
      section('mailDeliveries')
        .map((mail) => mail.id)
        .sort(),
    ).toEqual([ids.anasSent, ids.anasPending].sort());
    expect(section('digestEntries')).toHaveLength(2);
    expect(section('inboundMails').map((mail) => mail.subject)).toEqual(['Serial numbers from Ana Kowalski']);
    expect(section('mailBounces').map((bounce) => bounce.email)).toEqual([ana.email]);
    const text = JSON.stringify(records);
    for (const other of [ben.email, admin.email, ids.adminsMail, contoso]) expect(text).not.toContain(other);
  });

  it('a customer’s export holds every contact’s mail and nothing of another customer', async () => {
    const records = await collectExport(peer, { customerId: fabrikam });
    expect(records.filter((entry) => entry.section === 'mailDeliveries')).toHaveLength(4);
    expect(JSON.stringify(records)).not.toContain(contoso);
  });

  it('erasing a contact pseudonymises their mail, address and name in every mail of the customer, stops mail to them; Contoso’s mail to the same person stays', async () => {
    const result = await peer.erase({ customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' });
    expect(result.deletedFiles).toBe(0);
    const left = await findValues((sql, params) => db.dataSource.query(sql, params), [db.database], [ana.email, ana.name]);
    expect(left.filter((found) => !JSON.stringify(found.row).includes(contoso))).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    const deliveries = db.dataSource.getRepository(MailDelivery);
    expect(await deliveries.findOneByOrFail({ id: ids.anasSent })).toMatchObject({
      toAddress: erased.email,
      recipientName: erased.name,
      html: `<p>Dear ${erased.name},</p><p>Camera freezes in the boardroom</p>`,
      status: 'SENT',
    });
    expect(await deliveries.findOneByOrFail({ id: ids.anasPending })).toMatchObject({ status: 'SUPPRESSED', toAddress: erased.email });
    expect((await deliveries.findOneByOrFail({ id: ids.adminsMail })).text).toBe(
      `Dear ${admin.name},\nCase reported by ${erased.name} <${erased.email}>`,
    );
    expect(await db.dataSource.getRepository(NotificationPreference).findOneByOrFail({ contactId: ana.contactId })).toMatchObject({
      caseUpdates: false,
      replacementParts: false,
      returns: false,
      onsiteVisits: false,
      securityNotices: false,
    });
    expect(await db.dataSource.getRepository(DigestEntry).existsBy({ id: ids.heldDigest })).toBe(false);
    expect(await db.dataSource.getRepository(MailBounce).findOneByOrFail({ deliveryId: ids.anasSent })).toMatchObject({
      email: erased.email,
      clearedBy: `CUSTOMER_TECHNICIAN:${erased.subject}`,
    });
  });

  it('a second erasure of the same contact changes nothing', async () => {
    const again = await eraseAgain(peer, { customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' }, db.database);
    expect(again.result).toEqual({ changedRows: 0, deletedFiles: 0 });
    expect(again.after).toEqual(again.before);
  });

  it('the personal-data fields answer services only', async () => {
    const staff = staffPersonalDataPeer('notifications', schema);
    await expect(staff.exportPage({ customerId: fabrikam }, null, 10)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
