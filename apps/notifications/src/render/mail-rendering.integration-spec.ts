import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchHeadlessChromium, type Browser } from '@polyplus/testing';
import { caseNotice, partNotice } from '../notice/notice-builders';
import { renderNotice } from './mail-templates';

// The two mails customers see most, rendered from the product's templates and opened in headless
// Chromium as a mail client would show them: nothing loaded from anywhere, no scripts.
// Screenshots land here (git-ignored); docs/mail-*.png are copies of them.
const ARTEFACTS = join(__dirname, '..', '..', '..', '..', 'dist', 'e2e', 'mail');

const site = { id: 'site-1', name: 'Initrode Berlin', timeZone: 'Europe/Berlin', countryCode: 'DE' };
const facts = {
  id: '3f6c2a90-5b1e-4c7d-9a8e-0d1f2e3a4b5c',
  customerId: 'customer-1',
  contactId: 'contact-1',
  siteId: site.id,
  summary: 'Video freezes every few minutes in Teams calls',
  severity: 2,
  status: 'RESOLVED',
  reportedAt: '2026-03-03T08:12:00.000Z',
  responseDueAt: '2026-03-03T09:12:00.000Z',
  respondedAt: '2026-03-03T08:40:00.000Z',
  workaround: null,
  fixExpectedInRelease: null,
  resolution:
    'The camera module was faulty. The replacement is installed and calls ran for an hour without a freeze.\n\nIf it happens again, reply to this case.',
  resolvedAt: '2026-03-05T14:20:00.000Z',
  deviceSerialNumber: 'X50-8812-0042',
  productModel: 'Studio X50',
};
const order = {
  id: 'order-1',
  incidentId: facts.id,
  partNumber: '2215-86840-001',
  partName: 'Studio X50 camera module',
  quantity: 1,
  status: 'SHIPPED',
  expectedDelivery: '2026-03-04',
  expectedDeliveryAt: '2026-03-04T11:00:00.000Z',
  carrier: 'DHL Express',
  trackingNumber: '1Z 999 AA1 01 2345 6784',
  shippedOn: '2026-03-03',
  deliveredAt: null,
  returnId: null,
  returnDueDate: null,
  returnLateFrom: null,
  returnStatus: null,
};
const recipient = {
  name: 'Dana Schmidt',
  timeZone: 'Europe/Berlin',
  locale: 'en-GB',
  unsubscribeUrl: 'https://mail.polyplus.example/unsubscribe?token=example',
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  // Debian's chromium, launched as the dispatch board's browser tests do.
  browser = await launchHeadlessChromium({ artefacts: ARTEFACTS, viewport: { width: 720, height: 900 } });
  page = browser.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
}, 60_000);

it.each([
  ['mail-case-resolved', renderNotice(caseNotice('CASE_RESOLVED', facts, site, '2026-03-05T14:20:00.000Z'), recipient)],
  ['mail-part-shipped', renderNotice(partNotice('PART_SHIPPED', order, facts, site, '2026-03-03T13:45:00.000Z'), recipient)],
])(
  '%s renders in Chromium with its times in the recipient’s zone and loads nothing from outside',
  async (name, mail) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && !request.url().startsWith('file:')) requests.push(request.url());
    });
    const file = join(ARTEFACTS, `${name}.html`);
    writeFileSync(file, mail.html);
    await page.setViewportSize({ width: 720, height: 900 });
    await page.goto(`file://${file}`);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Times are shown in Europe/Berlin');
    expect(text).toMatch(/\d{2}:\d{2} (CET|GMT\+1)/);
    await page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });
    expect(requests).toEqual([]);
  },
  60_000,
);
