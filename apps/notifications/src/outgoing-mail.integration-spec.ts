import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MailDelivery } from './delivery/mail-delivery.entity';
import { MailDeliveryStatus } from './delivery/mail-delivery-status';
import { NotificationPreference } from './preferences/notification-preference.entity';
import { DeliveryMode } from './preferences/delivery-mode';
import { defaultPreference } from './preferences/default-preference';
import { authConfig, signPrincipal } from '@polyplus/auth';
import { signUnsubscribeToken } from './unsubscribe/mail-link-token';
import { NotificationCategory } from './notice/notification-category';
import { until } from '@polyplus/polling';
import { startHarness, type Harness } from './testing/notifications-harness';

const ROOT = join(__dirname, '..', '..', '..');

/** A raw header of a received mail (mailparser turns List-* headers into objects). */
function header(mail: { parsed: { headerLines: readonly { key: string; line: string }[] } }, name: string): string {
  const line = mail.parsed.headerLines.find((candidate) => candidate.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

function resolvedPayload(incidentId: string, customerId: string) {
  return { incidentId, customerId, status: 'RESOLVED', previousStatus: 'IN_PROGRESS', version: 4, action: 'RESOLVED' };
}

describe('outgoing mail', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('notify_out');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 120_000);

  function scenario(timeZone = 'America/New_York') {
    const customer = h.world.customer('Acme Corp', [{ name: 'Acme New York', timeZone, countryCode: 'US' }]);
    const contact = h.world.contact(customer, {
      name: 'Dana Tech',
      email: `dana.${randomUUID().slice(0, 8)}@acme.example`,
      designated: true,
    });
    const incident = h.world.incident(customer, contact, customer.sites[0], {
      status: 'RESOLVED',
      resolution: 'Firmware 4.1.2 fixes the camera driver; installed and verified with the customer.',
      resolvedAt: '2026-03-03T19:05:00.000Z',
    });
    return { customer, contact, incident };
  }

  it('a case resolved sends one mail to the designated contact, with times in their site’s time zone', async () => {
    const { customer, contact, incident } = scenario('America/New_York');
    await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id));
    const [mail] = await h.sink.waitFor((message) => message.to.includes(contact.email));
    expect(mail.parsed.subject).toMatch(/^\[Poly\+ C-[0-9A-F]{8}\] Case C-[0-9A-F]{8} resolved$/);
    // 19:05 UTC is 14:05 in New York (EST, UTC-5) on 3 March 2026.
    expect(mail.parsed.text).toContain('Tue 3 Mar 2026, 14:05');
    expect(mail.parsed.text).toContain('Times are shown in America/New_York');
    expect(mail.parsed.html).toContain('14:05');
    expect(mail.parsed.text).toContain('Firmware 4.1.2 fixes the camera driver');
    expect(header(mail, 'list-unsubscribe')).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[\w-]+\.[\w-]+>$/);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.envelopeFrom).toMatch(/^bounces\+[0-9a-f]{32}-[0-9a-f]{16}@polyplus\.test$/);
    const deliveries = await until(
      async () => {
        const rows = await h.db.dataSource.getRepository(MailDelivery).findBy({ contactId: contact.id });
        return rows.every((row) => row.status === MailDeliveryStatus.SENT) && rows;
      },
      'every delivery of the contact to be sent',
      { timeoutMs: 60_000, everyMs: 100 },
    );
    expect(deliveries.map((delivery) => delivery.kind)).toEqual(['CASE_RESOLVED']);
  }, 90_000);

  it('the same event delivered twice makes one mail', async () => {
    const { customer, contact, incident } = scenario('Europe/London');
    const event = await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id));
    // The relay's re-send after a crash: same id. And a consumer that forgot it processed it.
    await h.publish(event.topic, event.payload, event.id);
    await h.redis.del(`${h.prefix}:events:processed:notifications-mail:${event.id}`);
    await h.publish(event.topic, event.payload, event.id);
    await h.sink.waitFor((message) => message.to.includes(contact.email));
    // Another event behind them in the stream: once its mail is here, the duplicates were handled.
    const { contact: later, customer: laterCustomer, incident: laterIncident } = scenario('Europe/London');
    await h.publish('incident.status-changed', resolvedPayload(laterIncident.id, laterCustomer.id));
    await h.sink.waitFor((message) => message.to.includes(later.email));
    expect(h.sink.messages.filter((message) => message.to.includes(contact.email))).toHaveLength(1);
    expect(await h.db.dataSource.getRepository(MailDelivery).countBy({ contactId: contact.id })).toBe(1);
  }, 90_000);

  it('a contact on a daily digest gets one mail with the day’s updates, at the digest hour, in their time zone', async () => {
    const { customer, contact, incident } = scenario('Europe/Berlin');
    await h.db.dataSource.getRepository(NotificationPreference).insert({
      ...defaultPreference(contact.id, customer.id, new Date(), 'test'),
      mode: DeliveryMode.DAILY_DIGEST,
      locale: 'de-DE',
      digestHour: 8,
    });
    const order = h.world.order(incident);
    await h.publish('incident.opened', { incidentId: incident.id, customerId: customer.id }, undefined, '2026-03-03T08:00:00.000Z');
    await h.publish('replacement.shipped', { orderId: order.id, incidentId: incident.id }, undefined, '2026-03-03T13:00:00.000Z');
    await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id), undefined, '2026-03-03T19:05:00.000Z');
    await until(
      async () => (await h.db.dataSource.query('SELECT COUNT(*) AS n FROM digest_entry WHERE contactId = ?', [contact.id]))[0].n >= 3,
      'three digest entries',
      { timeoutMs: 60_000, everyMs: 100 },
    );
    expect(h.sink.messages.filter((message) => message.to.includes(contact.email))).toHaveLength(0);

    // 07:59 Berlin the next morning: not yet.
    h.clock.now = new Date('2026-03-04T06:59:00.000Z');
    expect(await h.runtime.sweepDigests()).toEqual([]);
    // 08:00 Berlin: one mail with all three, however many replicas sweep at once.
    h.clock.now = new Date('2026-03-04T07:00:00.000Z');
    const created = (await Promise.all([h.runtime.sweepDigests(), h.runtime.sweepDigests()])).flat();
    const [digest] = await h.sink.waitFor((message) => message.to.includes(contact.email));
    expect(digest.parsed.subject).toBe('[Poly+] Your daily summary: 3 updates');
    expect(digest.parsed.text).toContain('opened');
    expect(digest.parsed.text).toContain('Replacement part shipped');
    expect(digest.parsed.text).toContain('resolved');
    // de-DE day and month names, Berlin time (19:05 UTC is 20:05 CET).
    expect(digest.parsed.text).toContain('Di 3 Mär 2026, 20:05');
    expect(created).toHaveLength(1);
    expect(await h.db.dataSource.getRepository(MailDelivery).countBy({ contactId: contact.id })).toBe(1);
    h.clock.now = new Date('2026-03-03T12:00:00.000Z');
  }, 90_000);

  it('a hard bounce (550 for the recipient) stops every later mail to that address', async () => {
    const { customer, contact, incident } = scenario('Europe/London');
    h.sink.setDecision((envelope) => (envelope.to.includes(contact.email) ? 'reject' : 'accept'));
    await h.publish('incident.opened', { incidentId: incident.id, customerId: customer.id });
    const bounced = await until(
      async () => {
        const rows = await h.db.dataSource.getRepository(MailDelivery).findBy({ contactId: contact.id });
        return rows.find((row) => row.status === MailDeliveryStatus.BOUNCED);
      },
      'the delivery to bounce',
      { timeoutMs: 60_000, everyMs: 100 },
    );
    expect(bounced.lastError).toContain('550');
    h.sink.setDecision(undefined);
    await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id));
    const suppressed = await until(
      async () => (await h.db.dataSource.getRepository(MailDelivery).findBy({ contactId: contact.id, kind: 'CASE_RESOLVED' }))[0],
      'the resolved-case delivery',
      { timeoutMs: 60_000, everyMs: 100 },
    );
    expect(suppressed.status).toBe(MailDeliveryStatus.SUPPRESSED);
    expect(h.sink.messages.filter((message) => message.to.includes(contact.email))).toHaveLength(0);
  }, 90_000);

  it('the unsubscribe link turns that kind of mail off (one-click POST), and a forged link does nothing', async () => {
    const { customer, contact, incident } = scenario('Europe/London');
    await h.publish('incident.opened', { incidentId: incident.id, customerId: customer.id });
    const [mail] = await h.sink.waitFor((message) => message.to.includes(contact.email));
    const link = /<([^>]+)>/.exec(header(mail, 'list-unsubscribe'))?.[1] as string;
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop receiving <strong>case updates</strong>');
    const forged = await fetch(link.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAA'), {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(400);
    expect(await h.db.dataSource.getRepository(NotificationPreference).findOneBy({ contactId: contact.id })).toBeNull();
    const done = await fetch(link, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.status).toBe(200);
    const preference = await h.db.dataSource.getRepository(NotificationPreference).findOneByOrFail({ contactId: contact.id });
    expect([preference.caseUpdates, preference.replacementParts, preference.updatedBy]).toEqual([false, true, 'UNSUBSCRIBE_LINK']);
    const resolved = await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id));
    const { contact: later, customer: laterCustomer, incident: laterIncident } = scenario('Europe/London');
    await h.publish('incident.opened', { incidentId: laterIncident.id, customerId: laterCustomer.id });
    await h.sink.waitFor((message) => message.to.includes(later.email));
    expect(await h.db.dataSource.getRepository(MailDelivery).countBy({ sourceKey: resolved.id })).toBe(0);
  }, 90_000);

  it('a security notice reaches the customer’s designated contacts and admins at once, even those on a digest, and nobody else', async () => {
    const customer = h.world.customer('Umbrella', [{ name: 'Umbrella Lyon', timeZone: 'Europe/Paris', countryCode: 'FR' }]);
    const designated = h.world.contact(customer, { name: 'Deb Designated', email: 'deb@umbrella.example', designated: true });
    const admin = h.world.contact(customer, { name: 'Ann Admin', email: 'ann@umbrella.example', role: 'ADMIN', designated: false });
    const other = h.world.contact(customer, { name: 'Olly Other', email: 'olly@umbrella.example', designated: false });
    await h.db.dataSource.getRepository(NotificationPreference).insert({
      ...defaultPreference(designated.id, customer.id, new Date(), 'test'),
      mode: DeliveryMode.DAILY_DIGEST,
    });
    const noticeId = randomUUID();
    h.world.securityNotices.set(noticeId, 'Rotate the admin passwords of Studio X50 devices registered before 2026.');
    await h.publish('security-notice.published', {
      noticeId,
      customerId: customer.id,
      kind: 'SECURITY',
      severity: 'HIGH',
      title: 'Default credentials on Studio X50',
      notifiedAt: h.clock.now.toISOString(),
    });
    const mails = await h.sink.waitFor((message) => message.to.includes(designated.email) || message.to.includes(admin.email), 2);
    expect(mails.map((mail) => mail.parsed.subject)).toEqual([
      '[Poly+] Security notice: Default credentials on Studio X50',
      '[Poly+] Security notice: Default credentials on Studio X50',
    ]);
    expect(mails[0].parsed.text).toContain('Rotate the admin passwords');
    expect(await h.db.dataSource.getRepository(MailDelivery).countBy({ contactId: other.id })).toBe(0);
  }, 60_000);

  it('the unsubscribe mutation works without signing in (PUBLIC) for a genuine token only', async () => {
    const { customer, contact } = scenario('Europe/London');
    const call = async (token: string) => {
      const response = await fetch(h.server.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signPrincipal({ subject: 'anonymous', role: 'PUBLIC', customerIds: [] }, authConfig().principalSecrets[0]),
        },
        body: JSON.stringify({ query: 'mutation ($token: String!) { unsubscribe(token: $token) }', variables: { token } }),
      });
      return (await response.json()) as { data?: { unsubscribe: boolean } | null; errors?: { extensions: { code: string } }[] };
    };
    const token = signUnsubscribeToken(
      { contactId: contact.id, customerId: customer.id, scope: NotificationCategory.ONSITE_VISITS },
      h.config.linkSecret,
    );
    expect((await call(`${token.slice(0, -2)}AA`)).errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect((await call(token)).data).toEqual({ unsubscribe: true });
    const preference = await h.db.dataSource.getRepository(NotificationPreference).findOneByOrFail({ contactId: contact.id });
    expect([preference.onsiteVisits, preference.caseUpdates]).toEqual([false, true]);
  }, 60_000);
});

describe('a mail worker killed between rendering and sending', () => {
  let h: Harness;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    h = await startHarness('notify_kill', { sendMail: false });
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await h?.close();
  }, 120_000);

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/notifications/src/testing/mail-worker-process.ts'], {
      cwd: ROOT,
      env: { ...process.env, TEST_DATABASE: h.db.database, QUEUE_PREFIX: h.prefix, SMTP_URL: h.sink.smtpUrl, MAIL_LOCK_MS: '2000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('mail worker ready') && resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  }

  it('sends the mail exactly once after a new worker takes over', async () => {
    const customer = h.world.customer('Globex', [{ name: 'Globex Paris', timeZone: 'Europe/Paris', countryCode: 'FR' }]);
    const contact = h.world.contact(customer, { name: 'Sam Admin', email: 'sam@globex.example', role: 'ADMIN', designated: false });
    const reporter = h.world.contact(customer, { name: 'Rae Tech', email: 'rae@globex.example' });
    const incident = h.world.incident(customer, reporter, customer.sites[0], {
      status: 'RESOLVED',
      resolution: 'Replaced the power supply.',
      resolvedAt: '2026-03-03T15:00:00.000Z',
    });
    // The mail server stalls after the message is sent and never answers: the worker waits there.
    h.sink.setDecision(() => 'hold');
    const first = await startWorker();
    const dataBegan = h.sink.waitForData((envelope) => envelope.to.includes(contact.email));
    await h.publish('incident.status-changed', resolvedPayload(incident.id, customer.id));
    await dataBegan;
    const delivery = await h.db.dataSource.getRepository(MailDelivery).findOneByOrFail({ contactId: contact.id });
    expect(delivery.renderedAt).not.toBeNull();
    expect(delivery.status).toBe(MailDeliveryStatus.PENDING);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));

    h.sink.setDecision(undefined);
    await startWorker();
    const [mail] = await h.sink.waitFor((message) => message.to.includes(contact.email));
    const sent = await until(
      async () => {
        const row = await h.db.dataSource.getRepository(MailDelivery).findOneByOrFail({ id: delivery.id });
        return row.status === MailDeliveryStatus.SENT ? row : null;
      },
      'the delivery to be sent',
      { timeoutMs: 60_000, everyMs: 100 },
    );
    expect(mail.parsed.messageId).toBe(delivery.messageId);
    expect(mail.parsed.subject).toBe(delivery.subject);
    expect(sent.attempts).toBeGreaterThanOrEqual(1);
    // The reporter's own mail went too; the admin's arrived once, not once per worker.
    await h.sink.waitFor((message) => message.to.includes(reporter.email));
    expect(h.sink.messages.filter((message) => message.to.includes(contact.email))).toHaveLength(1);
  }, 180_000);
});
