// The Online Support Center in headless Chromium against the real stack with the demo data `npm
// start` loads: what a customer's designated technician and admin see and do, each test named after
// the service description's words. Staff actions (covering a device, shipping a part, carrier
// events) go through the gateway as the demo support engineer.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { graphqlData, graphqlRequest } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';
import {
  launchPortalBrowser,
  openSection,
  otherCustomerAdmin,
  screenshotPath,
  seriousAccessibilityViolations,
  signIn,
  signInWithToken,
  startPortalStack,
  type PortalBrowser,
  type PortalStack,
} from './support-center/portal-fixture';
import { networkDiagramPng } from './support-center/network-diagram';
import { publishSecurityNotice } from './support/security-notices';

let stack: PortalStack;
let browser: PortalBrowser;
let page: Page;
let fabrikam: Principal & { customerId: string };
const zone = 'Europe/London';

/** How the portal writes an instant: the site's local date and 24-hour time. */
const local = (iso: string) => DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm');

type ApiOrder = { id: string; status: string; expectedDeliveryAt: string | null; incident: { id: string } };

async function northwindOrders(): Promise<(ApiOrder & { serial: string; hasVisit: boolean })[]> {
  const { incidents } = await graphqlData<{
    incidents: {
      id: string;
      device: { serialNumber: string };
      onsiteVisits: { id: string }[];
      replacementOrders: Omit<ApiOrder, 'incident'>[];
    }[];
  }>(
    stack.gateway,
    'query ($c: ID!) { incidents(customerId: $c) { id device { serialNumber } onsiteVisits { id } replacementOrders { id status expectedDeliveryAt } } }',
    { c: stack.customer.id },
  );
  return incidents.flatMap((incident) =>
    incident.replacementOrders.map((order) => ({
      ...order,
      incident: { id: incident.id },
      serial: incident.device.serialNumber,
      hasVisit: incident.onsiteVisits.length > 0,
    })),
  );
}

const graphqlRequestAs = (target: { url: string; token: string }, query: string, variables: Record<string, unknown>) =>
  graphqlRequest<Record<string, { id: string } | null>>(target, query, variables);

beforeAll(async () => {
  stack = await startPortalStack('e2e_portal');
  browser = await launchPortalBrowser();
  page = browser.page;
  await signIn(page, stack.portal.url, 'technician');
  fabrikam = await otherCustomerAdmin(stack.gateway, 'Fabrikam Inc.');
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await stack?.portal.stop();
  await stack?.teardown();
}, 60_000);

describe('Online Support Center in a browser', () => {
  it('in development, the link npm start prints signs in as the demo customer’s designated technician with one click', async () => {
    await expect(page.locator('.portal-header .who').textContent()).resolves.toContain('Sam Okafor · customer technician');
    await expect(page.locator('.portal-header').textContent()).resolves.toContain('designated contact');
    // The address no longer carries the sign-in request.
    expect(new URL(page.url()).search).toBe('');
    // The picture of the overview shows the account, not its loading line.
    await page.locator('.tiles').waitFor();
    await page.screenshot({ path: screenshotPath('overview'), fullPage: true });
  }, 30_000);

  it('Register Products: a device registered in the portal shows its coverage, and its cover once the contract includes it', async () => {
    await openSection(page, 'Products and licensing', 'Products and licensing');
    const serial = `NW-E2E-${randomBytes(3).toString('hex').toUpperCase()}`;
    const form = page.locator('form[aria-labelledby="register-heading"]');
    await form.getByLabel('Serial number').fill(serial.toLowerCase());
    await form.getByLabel('Product model').selectOption({ value: 'Studio X50' });
    await form.getByLabel('Site').selectOption({ label: 'London HQ, London' });
    await form.getByRole('button', { name: 'Register' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Registered ${serial}` })
      .waitFor();
    const row = page.locator(`tr[data-serial="${serial}"]`);
    await row.waitFor();
    await expect(row.locator('[data-column="coverage"]').textContent()).resolves.toBe('Not covered');

    // Vendor staff add it to the customer's contract: the page shows the cover, the onsite option and the right to advance replacement.
    const { deviceBySerialNumber } = await graphqlData<{ deviceBySerialNumber: { id: string } }>(
      stack.gateway,
      'query ($s: String!) { deviceBySerialNumber(serialNumber: $s) { id } }',
      { s: serial },
    );
    await graphqlData(stack.gateway, 'mutation ($input: CoverDevicesInput!) { coverDevices(input: $input) { id } }', {
      input: { contractId: stack.customer.contractId, deviceIds: [deviceBySerialNumber.id] },
    });
    await page.reload();
    await row.waitFor();
    await expect(row.locator('[data-column="coverage"]').textContent()).resolves.toBe('Covered until 2027-12-31 (PP-NW-2025)');
    await expect(row.textContent()).resolves.toContain('Onsite support');
    await expect(row.textContent()).resolves.toContain('Allowed, next business day');
    // Premium Poly Lens features come with the contract that covers it.
    await expect(row.locator('[data-column="premium"]').textContent()).resolves.toBe(
      'Remote management, Advanced analytics, Firmware scheduling',
    );
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('products'), fullPage: true });
  }, 60_000);

  it('serial numbers via email: a list with a bad line registers nothing and names the line; the corrected list registers every product', async () => {
    const suffix = randomBytes(3).toString('hex').toUpperCase();
    const form = page.locator('form[aria-labelledby="list-heading"]');
    const lines = ['serial,model', `NW-LIST-${suffix}-1,Studio X50`, '', `NW-LIST-${suffix}-2,Toaster 3000`, `NW-LIST-${suffix}-3,CCX 600`];
    await form
      .getByLabel('List file (.csv or .txt)')
      .setInputFiles({ name: 'serials.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    // The page reads the file asynchronously: the button counts its lines once it has.
    const register = form.getByRole('button', { name: /^Register 5 line/ });
    await register.waitFor();
    await expect(form.getByLabel('Lines', { exact: true }).inputValue()).resolves.toBe(lines.join('\n'));
    await register.click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Nothing registered');
    const report = form.getByRole('region', { name: /Lines at fault/ });
    await expect(report.locator('tbody tr').count()).resolves.toBe(1);
    await expect(report.locator('tbody tr').first().textContent()).resolves.toMatch(/^4.*NW-LIST-.*productModel.*Toaster 3000/);
    await page.screenshot({ path: screenshotPath('serial-list-report'), fullPage: true });
    const { devices } = await graphqlData<{ devices: { serialNumber: string }[] }>(
      stack.gateway,
      'query ($c: ID!) { devices(customerId: $c) { serialNumber } }',
      { c: stack.customer.id },
    );
    expect(devices.filter((device) => device.serialNumber.includes(suffix))).toEqual([]);

    await form.getByLabel('Lines', { exact: true }).fill(lines.filter((line) => !line.includes('Toaster')).join('\n'));
    await form.getByRole('button', { name: /^Register 4 line/ }).click();
    await form.getByRole('status').filter({ hasText: 'Registered 2 product(s)' }).waitFor();
    await page.locator(`tr[data-serial="NW-LIST-${suffix}-3"]`).waitFor();
  }, 60_000);

  it('Create service requests: a designated contact opens a case and sees its response due time in the site’s business hours', async () => {
    await openSection(page, 'Service requests', 'Service requests');
    const summary = `Content sharing drops after a minute (${randomBytes(2).toString('hex')})`;
    const form = page.locator('form[aria-labelledby="open-heading"]');
    await form.getByLabel('Product', { exact: true }).selectOption({ label: 'PLY-001000 · Studio X50 · London HQ' });
    await form.getByLabel(/Severity 2 \(Major\)/).check();
    await form.getByLabel('What is wrong').fill(summary);
    await form.getByRole('button', { name: 'Open the case' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(summary.replace(/[()]/g, '\\$&')) }).waitFor();
    const caseId = /\/cases\/([0-9a-f-]+)/.exec(page.url())![1];
    const { incident } = await graphqlData<{ incident: { responseDueAt: string; contactId: string; channel: string; severity: number } }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { responseDueAt contactId channel severity } }',
      { id: caseId },
    );
    expect(incident).toMatchObject({ contactId: stack.customer.technician.contactId, channel: 'WEB', severity: 2 });
    await expect(page.locator('.case-facts .response-due').textContent()).resolves.toContain(local(incident.responseDueAt));
    await expect(page.getByRole('status').filter({ hasText: 'Case opened' }).textContent()).resolves.toContain(
      `An engineer will respond by ${local(incident.responseDueAt)}`,
    );
    await page.screenshot({ path: screenshotPath('case'), fullPage: true });

    // The list shows it with its severity and due time.
    await openSection(page, 'Service requests', 'Service requests');
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await expect(row.textContent()).resolves.toContain('S2 Major');
    await expect(row.locator('.response-due').textContent()).resolves.toContain(local(incident.responseDueAt));
    await page.screenshot({ path: screenshotPath('cases'), fullPage: true });
  }, 60_000);

  it('a case follows support’s response live: the engineer’s first contact appears on the open page without a reload', async () => {
    const caseId = await page.locator('tr[data-case-id]').first().getAttribute('data-case-id');
    await page.locator(`tr[data-case-id="${caseId}"] a`).click();
    await page.locator('.case-facts').waitFor();
    await page.evaluate(`window.portalSession = 'the same page'`);
    const { incident } = await graphqlData<{ incident: { version: number } }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { version } }',
      { id: caseId },
    );
    await graphqlData(stack.gateway, 'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { id } }', {
      input: { incidentId: caseId, expectedVersion: incident.version, note: 'Called back' },
    });
    await page.locator('.case-facts .case-status', { hasText: 'Responded' }).waitFor({ timeout: 20_000 });
    await expect(page.locator('.case-facts .response-due').textContent()).resolves.toContain('Met');
    await expect(page.evaluate(`window.portalSession`)).resolves.toBe('the same page');
  }, 40_000);

  it('a non-designated contact cannot open a case: the customer admin sees the service’s refusal and no case is opened', async () => {
    const admin = await launchPortalBrowser();
    try {
      await signIn(admin.page, stack.portal.url, 'admin');
      await expect(admin.page.locator('.portal-header .who').textContent()).resolves.toContain('not a designated contact');
      await openSection(admin.page, 'Service requests', 'Service requests');
      const before = await graphqlData<{ incidents: { id: string }[] }>(
        stack.gateway,
        'query ($c: ID!) { incidents(customerId: $c) { id } }',
        { c: stack.customer.id },
      );
      const form = admin.page.locator('form[aria-labelledby="open-heading"]');
      await expect(form.textContent()).resolves.toContain('who is not a designated contact of this account');
      await form.getByLabel('Product', { exact: true }).selectOption({ label: 'PLY-001001 · G7500 · London HQ' });
      await form.getByLabel('What is wrong').fill('Codec fan is loud');
      await form.getByRole('button', { name: 'Open the case' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      expect(await alert.getAttribute('data-code')).toBe('FORBIDDEN');
      expect(await alert.textContent()).toMatch(/^The case was not opened: Not allowed: .*not a designated contact/);
      const after = await graphqlData<{ incidents: { id: string }[] }>(
        stack.gateway,
        'query ($c: ID!) { incidents(customerId: $c) { id } }',
        { c: stack.customer.id },
      );
      expect(after.incidents.length).toBe(before.incidents.length);
      await admin.page.screenshot({ path: screenshotPath('case-refused'), fullPage: true });
      expect(await seriousAccessibilityViolations(admin.page)).toEqual([]);
    } finally {
      await admin.close();
    }
  }, 60_000);

  it('Onsite visits: the technician’s upcoming visit shows its window and moves on the open page when the part is late', async () => {
    type Visit = { id: string; status: string; windowStart: string | null; windowEnd: string | null };
    const visitOf = async (incidentId: string) =>
      (
        await graphqlData<{ incident: { onsiteVisits: Visit[] } }>(
          stack.gateway,
          'query ($id: ID!) { incident(id: $id) { onsiteVisits { id status windowStart windowEnd } } }',
          { id: incidentId },
        )
      ).incident.onsiteVisits[0];
    // The scheduler plans the visits of parts on their way; take one it has placed.
    let planned: { order: ApiOrder; visit: Visit } | undefined;
    for (let tries = 0; tries < 90 && !planned; tries += 1) {
      for (const order of (await northwindOrders()).filter((candidate) => candidate.status === 'ORDERED' && candidate.hasVisit)) {
        const visit = await visitOf(order.incident.id);
        if (visit?.status === 'PLANNED' && visit.windowStart) planned = { order, visit };
      }
      if (!planned) await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(planned).toBeDefined();
    const { order, visit } = planned!;
    const visitOfOrder = () => visitOf(order.incident.id);
    await openSection(page, 'Onsite visits', 'Onsite visits');
    const shown = page.locator(`.visit-summary[data-visit-id="${visit.id}"]`);
    await expect(shown.getAttribute('data-window-start')).resolves.toBe(visit.windowStart);
    await expect(shown.locator('.visit-window').textContent()).resolves.toContain(
      `${local(visit.windowStart!)}–${DateTime.fromISO(visit.windowEnd!).setZone(zone).toFormat('HH:mm')}`,
    );
    await page.screenshot({ path: screenshotPath('visits'), fullPage: true });

    await page.evaluate(`window.portalSession = 'still the same page'`);
    const trackingNumber = `JD-E2E-${randomBytes(3).toString('hex').toUpperCase()}`;
    await graphqlData(stack.gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'DHL', trackingNumber, partSerialNumber: `RP-${trackingNumber}` },
    });
    const eta = DateTime.fromISO(visit.windowStart!).plus({ days: 1 }).toUTC().toISO()!;
    await graphqlData(stack.gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
      input: {
        carrier: 'DHL',
        trackingNumber,
        status: 'EXCEPTION',
        at: new Date().toISOString(),
        eta,
        note: 'Missed the connecting flight',
      },
    });
    await page.waitForFunction(
      ({ visitId, start }) => {
        const { document } = globalThis as unknown as {
          document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
        };
        return (document.querySelector(`[data-visit-id="${visitId}"]`)?.getAttribute('data-window-start') ?? start) !== start;
      },
      { visitId: visit.id, start: visit.windowStart },
      { timeout: 30_000, polling: 250 },
    );
    const moved = await visitOfOrder();
    await expect(shown.getAttribute('data-window-start')).resolves.toBe(moved.windowStart ?? '');
    await expect(page.evaluate(`window.portalSession`)).resolves.toBe('still the same page');
  }, 120_000);

  it('Check the status of parts replacement: a replacement followed from ordered to delivered with the carrier’s tracking events', async () => {
    const order = (await northwindOrders()).find((candidate) => candidate.status === 'ORDERED' && candidate.hasVisit)!;
    expect(order).toBeDefined();
    await openSection(page, 'Parts replacement', 'Parts replacement');
    const card = page.locator(`article[data-order-id="${order.id}"]`);
    await expect(card.locator('.replacement-status').textContent()).resolves.toBe('Ordered');
    const refresh = async (status: string) => {
      await page.getByRole('button', { name: 'Refresh tracking' }).click();
      await page.locator(`article[data-order-id="${order.id}"][data-status="${status}"]`).waitFor();
    };

    const trackingNumber = `1Z-E2E-${randomBytes(3).toString('hex').toUpperCase()}`;
    await graphqlData(stack.gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'UPS', trackingNumber, partSerialNumber: `RP-${trackingNumber}` },
    });
    const event = (status: string, note: string, eta?: string) =>
      graphqlData(stack.gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
        input: { carrier: 'UPS', trackingNumber, status, at: new Date().toISOString(), note, ...(eta ? { eta } : {}) },
      });
    await event('PICKED_UP', 'Collected from the depot');
    await refresh('SHIPPED');
    await expect(card.locator('.tracking-number').textContent()).resolves.toBe(trackingNumber);
    await expect(card.locator('table.tracking').textContent()).resolves.toContain('Collected from the depot');

    const eta = DateTime.fromISO(order.expectedDeliveryAt!).plus({ hours: 2 }).toUTC().toISO()!;
    await event('IN_TRANSIT', 'Arrived at the regional hub', eta);
    await page.getByRole('button', { name: 'Refresh tracking' }).click();
    await card.locator('table.tracking tr[data-status="IN_TRANSIT"]').waitFor();
    await expect(card.locator('.expected-delivery').textContent()).resolves.toContain(local(eta));
    await expect(card.locator('table.tracking tr[data-status="IN_TRANSIT"]').textContent()).resolves.toContain(local(eta));
    await page.screenshot({ path: screenshotPath('replacements'), fullPage: true });

    await event('DELIVERED', 'Signed for at reception');
    await refresh('DELIVERED');
    const rows = await card.locator('table.tracking tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    expect(rows).toEqual(['CREATED', 'PICKED_UP', 'IN_TRANSIT', 'DELIVERED']);
    await expect(card.locator('.expected-delivery').textContent()).resolves.toMatch(/^Delivered \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    const { replacementOrder } = await graphqlData<{ replacementOrder: { defectiveReturn: { dueDate: string; status: string } } }>(
      stack.gateway,
      'query ($id: ID!) { replacementOrder(id: $id) { defectiveReturn { dueDate status } } }',
      { id: order.id },
    );
    expect(replacementOrder.defectiveReturn.status).toBe('EXPECTED');
    await expect(card.locator('section.return').textContent()).resolves.toContain(
      `due back by ${replacementOrder.defectiveReturn.dueDate}`,
    );
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('replacement-delivered'), fullPage: true });
  }, 90_000);

  it('Perform Knowledge Base searches, and search the customer’s own past cases', async () => {
    await openSection(page, 'Knowledge base', 'Knowledge base');
    const kb = page.getByRole('search', { name: 'Search the knowledge base' });
    await kb.getByLabel('Words to find').fill('freezes');
    await kb.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { level: 3, name: 'Camera feed freezes during long calls' }).waitFor();
    await page.getByText('Read the article').first().click();
    const cases = page.getByRole('search', { name: 'Search your past cases' });
    await cases.getByLabel('Words in the summary or resolution').fill('camera');
    await cases.getByRole('button', { name: 'Search cases' }).click();
    await page.getByRole('region', { name: /Cases matching “camera”/ }).waitFor();
    await expect(page.getByRole('region', { name: /Cases matching “camera”/ }).textContent()).resolves.toContain(
      'Camera feed freezes after ten minutes in calls',
    );
    await page.screenshot({ path: screenshotPath('knowledge'), fullPage: true });
  }, 30_000);

  it('the case conversation: a comment added in the portal is on the case, signed by its author', async () => {
    await openSection(page, 'Service requests', 'Service requests');
    await page.locator('tr[data-case-id] a').first().click();
    await page.locator('.case-facts').waitFor();
    const text = `Logs collected at ${DateTime.now().toFormat('HH:mm:ss')}; the fault shows after a reboot.`;
    await page.getByLabel('Your comment').fill(text);
    await page.getByRole('button', { name: 'Add comment' }).click();
    const comment = page.locator('.comment', { hasText: text });
    await comment.waitFor();
    await expect(comment.textContent()).resolves.toContain('sam.okafor@northwind.example (customer technician)');
  }, 30_000);

  it('The Customer will provide network diagrams: one uploaded to a case downloads as the same bytes, and another customer cannot fetch it', async () => {
    const caseId = /\/cases\/([0-9a-f-]+)/.exec(page.url())![1];
    const diagram = networkDiagramPng();
    const files = page.getByRole('region', { name: 'Files on the case' });
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'core-network.png', mimeType: 'image/png', buffer: diagram });
    await page.getByLabel('What it is').selectOption({ label: 'Network diagram' });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('status').filter({ hasText: 'core-network.png' }).waitFor({ timeout: 30_000 });
    const row = files.locator('tr', { hasText: 'core-network.png' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Network diagram');
    await page.screenshot({ path: screenshotPath('case-files'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: 'Download core-network.png' }).click(),
    ]);
    await row.getByRole('status').filter({ hasText: 'checksum verified' }).waitFor();
    const downloaded = readFileSync((await download.path())!);
    expect(createHash('sha256').update(downloaded).digest('hex')).toBe(createHash('sha256').update(diagram).digest('hex'));
    expect(download.suggestedFilename()).toBe('core-network.png');

    // Another customer's admin: the case and its file are unknown to it, through the API and through the portal's own /files/ relay.
    const { incident } = await graphqlData<{ incident: { attachments: { downloadUrl: string }[] } }>(
      await stack.as(stack.customer.technician),
      'query ($id: ID!) { incident(id: $id) { attachments { downloadUrl } } }',
      { id: caseId },
    );
    const other = await stack.as(fabrikam);
    const seen = await graphqlRequestAs(other, 'query ($id: ID!) { incident(id: $id) { id attachments { id } } }', { id: caseId });
    expect(seen.data?.incident ?? null).toBeNull();
    const refused = await fetch(new URL(incident.attachments[0].downloadUrl, stack.portal.url), {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect([403, 404]).toContain(refused.status);
    expect(Buffer.from(await refused.arrayBuffer()).includes(diagram.subarray(0, 64))).toBe(false);
    const upload = await graphqlRequestAs(
      other,
      'mutation ($input: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $input) { uploadUrl } }',
      {
        input: { incidentId: caseId, fileName: 'x.png', contentType: 'image/png', size: 10, kind: 'OTHER' },
      },
    );
    expect(upload.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }, 60_000);

  it('Download the latest Poly Endpoint Software and the latest minus one; an older release is refused, and each download is recorded', async () => {
    await openSection(page, 'Downloads', 'Downloads');
    const studio = page.locator('section[data-product="Studio X50"]');
    for (const version of ['4.3.0', '4.2.0']) {
      const row = studio.locator(`tr[data-version="${version}"]`);
      await row.getByRole('button', { name: `Download Studio X50 ${version}` }).click();
      const link = row.getByRole('link', { name: `Studio X50 ${version} from Poly` });
      await link.waitFor();
      expect(await link.getAttribute('href')).toMatch(new RegExp(`^https://.*${version.replace(/\./g, '\\.')}`));
    }
    const older = studio.locator('tr[data-version="4.1.0"]');
    await older.getByRole('button', { name: 'Download Studio X50 4.1.0' }).click();
    const refusal = older.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await refusal.textContent()).toMatch(/^Studio X50 4\.1\.0 not downloaded: Not allowed: /);
    await expect(older.getByRole('link').count()).resolves.toBe(0);
    const { softwareDownloadRecords } = await graphqlData<{ softwareDownloadRecords: { version: string; downloadedBy: string }[] }>(
      stack.gateway,
      'query ($c: ID!) { softwareDownloadRecords(customerId: $c, first: 10) { version downloadedBy } }',
      { c: stack.customer.id },
    );
    expect(softwareDownloadRecords.map((record) => `${record.version} ${record.downloadedBy}`).sort()).toEqual(
      ['4.2.0', '4.3.0'].map((version) => `${version} CUSTOMER_TECHNICIAN:sam.okafor@northwind.example`),
    );
    await page.screenshot({ path: screenshotPath('downloads'), fullPage: true });
  }, 40_000);

  it('Download the latest Product documentation: listed only for products the customer has under contract', async () => {
    const model = `Studio E70 ${randomBytes(2).toString('hex').toUpperCase()}`;
    const { createProduct } = await graphqlData<{ createProduct: { id: string } }>(
      stack.gateway,
      'mutation ($input: CreateProductInput!) { createProduct(input: $input) { id } }',
      {
        input: { model, name: `Poly ${model} camera`, productType: 'ROOM' },
      },
    );
    await graphqlData(stack.gateway, 'mutation ($input: PublishDocumentInput!) { publishProductDocument(input: $input) { id } }', {
      input: {
        productId: createProduct.id,
        title: `${model} admin guide`,
        kind: 'ADMIN_GUIDE',
        language: 'en',
        downloadUrl: 'https://downloads.poly.com/docs/studio-e70-admin-guide.pdf',
      },
    });
    await page.reload();
    await page.locator('[data-documents-for="Studio X50"]').waitFor();
    await expect(page.locator(`[data-documents-for="${model}"]`).count()).resolves.toBe(0);

    // Once the customer has one under contract, its documentation is listed.
    const serial = `E70-${randomBytes(3).toString('hex').toUpperCase()}`;
    const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
      await stack.as(stack.customer.technician),
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      { input: { customerId: stack.customer.id, siteId: stack.customer.siteIds['London HQ'], serialNumber: serial, productModel: model } },
    );
    await graphqlData(stack.gateway, 'mutation ($input: CoverDevicesInput!) { coverDevices(input: $input) { id } }', {
      input: { contractId: stack.customer.contractId, deviceIds: [registerDevice.id] },
    });
    await page.reload();
    const listed = page.locator(`[data-documents-for="${model}"]`);
    await listed.waitFor();
    await expect(listed.textContent()).resolves.toContain(`${model} admin guide`);
    await listed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('documentation'), fullPage: true });
  }, 40_000);

  it('Security notices: a notice appears live for the affected customer only, and its acknowledgement is recorded', async () => {
    await openSection(page, 'Security notices', 'Security notices');
    await page.evaluate(`window.portalSession = 'notices page'`);
    const title = `Certificate of the Poly Lens relay exposed (${randomBytes(2).toString('hex')})`;
    const noticeId = await publishSecurityNotice(stack.gateway, {
      title,
      summary:
        'A relay certificate was exposed in a support bundle. It has been revoked; devices fetch the new one at their next check-in. No action is needed.',
      affectedCustomerIds: [stack.customer.id],
    });
    const card = page.locator(`article[data-notice-id="${noticeId}"]`);
    await card.waitFor({ timeout: 20_000 });
    await expect(page.evaluate(`window.portalSession`)).resolves.toBe('notices page');
    await expect(card.textContent()).resolves.toContain(title);
    await page.locator('.count-badge').waitFor();
    await card.getByRole('button', { name: 'Acknowledge this notice' }).click();
    await card.locator('.acknowledged').waitFor();
    await expect(card.locator('.acknowledged').textContent()).resolves.toContain('by sam.okafor@northwind.example (customer technician)');
    const { securityNotice } = await graphqlData<{
      securityNotice: { recipients: { customerId: string; acknowledgedBy: string | null; acknowledgedAt: string | null }[] };
    }>(stack.gateway, 'query ($id: ID!) { securityNotice(id: $id) { recipients { customerId acknowledgedBy acknowledgedAt } } }', {
      id: noticeId,
    });
    expect(securityNotice.recipients).toEqual([
      {
        customerId: stack.customer.id,
        acknowledgedBy: 'CUSTOMER_TECHNICIAN:sam.okafor@northwind.example',
        acknowledgedAt: expect.any(String),
      },
    ]);
    await page.screenshot({ path: screenshotPath('notices'), fullPage: true });

    // A customer the notice does not affect signs in with its own token (the production way in) and sees nothing of it.
    const other = await launchPortalBrowser();
    try {
      await signInWithToken(other.page, stack.portal.url, (await stack.as(fabrikam)).token);
      await openSection(other.page, 'Security notices', 'Security notices');
      await other.page.locator('.loading').waitFor({ state: 'detached' });
      await expect(other.page.locator('main').textContent()).resolves.not.toContain(title);
      await expect(other.page.locator(`article[data-notice-id="${noticeId}"]`).count()).resolves.toBe(0);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('24x7 Priority Support: the regional support directory loads without signing in', async () => {
    const visitor = await launchPortalBrowser();
    try {
      await visitor.page.goto(new URL('support-directory', stack.portal.url).toString());
      await visitor.page.getByRole('heading', { level: 1, name: 'Contact support' }).waitFor();
      const emea = visitor.page.getByRole('region', { name: 'Support in EMEA' });
      await emea.waitFor();
      await expect(emea.locator('a[href^="tel:+44"]').count()).resolves.toBeGreaterThan(0);
      await expect(visitor.page.locator('tr[data-kind="CHAT"]').count()).resolves.toBeGreaterThan(0);
      await expect(visitor.page.locator('main').textContent()).resolves.toContain('24x7');
      await expect(visitor.page.locator('main').textContent()).resolves.toContain('Open now');
      const foreign = visitor.requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== new URL(stack.portal.url).host);
      expect(foreign).toEqual([]);
      await visitor.page.screenshot({ path: screenshotPath('support-directory'), fullPage: true });
      expect(await seriousAccessibilityViolations(visitor.page)).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 40_000);

  it('the published advance-replacement terms load without signing in', async () => {
    const visitor = await launchPortalBrowser();
    try {
      await visitor.page.goto(new URL('replacement-terms', stack.portal.url).toString());
      await visitor.page.getByRole('heading', { level: 1, name: 'Advance-replacement terms' }).waitFor();
      const switzerland = visitor.page.locator('tr[data-country="CH"]');
      await switzerland.waitFor();
      await expect(switzerland.textContent()).resolves.toContain('You (the customer)');
      await expect(switzerland.textContent()).resolves.toContain('incl. 2 business day(s) for customs');
      await expect(visitor.page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
      expect(await visitor.page.evaluate(`sessionStorage.length`)).toBe(0);
      await visitor.page.screenshot({ path: screenshotPath('replacement-terms'), fullPage: true });
      expect(await seriousAccessibilityViolations(visitor.page)).toEqual([]);
    } finally {
      await visitor.close();
    }
  }, 40_000);

  it('has no serious or critical accessibility violations (axe-core) on any page', async () => {
    const sections: [string, string | RegExp][] = [
      ['Overview', 'Northwind Trading'],
      ['Products and licensing', 'Products and licensing'],
      ['Service requests', 'Service requests'],
      ['Parts replacement', 'Parts replacement'],
      ['Onsite visits', 'Onsite visits'],
      ['Knowledge base', 'Knowledge base'],
      ['Downloads', 'Downloads'],
      ['Security notices', 'Security notices'],
      ['Contact support', 'Contact support'],
      ['Replacement terms', 'Advance-replacement terms'],
    ];
    const found: Record<string, unknown> = {};
    for (const [link, heading] of sections) {
      await openSection(page, link, heading);
      await page.locator('.loading').waitFor({ state: 'detached' });
      const violations = await seriousAccessibilityViolations(page);
      if (violations.length > 0) found[link] = violations;
    }
    // A case in full, and the sign-in page.
    await openSection(page, 'Service requests', 'Service requests');
    await page.locator('tr[data-case-id] a').first().click();
    await page.locator('.case-facts').waitFor();
    const caseViolations = await seriousAccessibilityViolations(page);
    if (caseViolations.length > 0) found.case = caseViolations;
    const visitor = await launchPortalBrowser();
    try {
      await visitor.page.goto(stack.portal.url);
      await visitor.page.getByRole('heading', { level: 1, name: 'Poly+ Online Support Center' }).waitFor();
      await visitor.page.screenshot({ path: screenshotPath('sign-in'), fullPage: true });
      const signInViolations = await seriousAccessibilityViolations(visitor.page);
      if (signInViolations.length > 0) found['sign-in'] = signInViolations;
    } finally {
      await visitor.close();
    }
    expect(found).toEqual({});
  }, 90_000);

  it('every control works from the keyboard with a visible focus: Tab reaches the sections and Enter opens one', async () => {
    await page.goto(new URL('/', stack.portal.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Northwind Trading' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement?.textContent`)).toBe('Skip to content');
    let reached = false;
    for (let presses = 0; presses < 20 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(`document.activeElement?.textContent`)) === 'Knowledge base';
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(
      `getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth`,
    );
    expect(outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
    // Focus moves to the new view's heading, as after a page load.
    expect(await page.evaluate(`document.activeElement?.tagName + ':' + document.activeElement?.textContent`)).toBe('H1:Knowledge base');
  }, 30_000);

  it('is usable on a tablet: the sections stay reachable and nothing needs sideways scrolling but wide tables', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    try {
      await openSection(page, 'Service requests', 'Service requests');
      await page.locator('tr[data-case-id]').first().waitFor();
      // Elements reaching past the right edge of the window, wide tables' scroll boxes aside.
      const sticking = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
        .filter((element) => !element.closest('.table-wrap') && element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((element) => element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(element.getBoundingClientRect().right))`);
      expect(sticking).toEqual([]);
      expect(await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)).toBeLessThanOrEqual(0);
      await expect(
        page.getByRole('navigation', { name: 'Online Support Center' }).getByRole('link', { name: 'Parts replacement' }).isVisible(),
      ).resolves.toBe(true);
      await page.screenshot({ path: screenshotPath('tablet'), fullPage: true });
    } finally {
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  }, 30_000);

  it('loads everything from its own server: no request leaves for another origin', async () => {
    const origin = new URL(stack.portal.url);
    const foreign = browser.requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== origin.host);
    expect(browser.requested.length).toBeGreaterThan(10);
    expect(browser.requested.some((url) => url.startsWith(`ws://${origin.host}/graphql`))).toBe(true);
    expect(foreign).toEqual([]);
  });
});
