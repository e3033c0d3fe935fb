// The gateway's queue dashboard in headless Chromium against the real stack: the URL `npm start`
// prints signs in as the demo support engineer and Bull Board lists every queue of the product,
// loaded entirely from the gateway under its content security policy; the demo planner's board is
// read-only. The screenshot is the README's (docs/queue-dashboard.png).
import { join } from 'node:path';
import { PRODUCT_QUEUES } from '@polyplus/events';
import { queueDashboardSignInUrl } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { launchHeadlessChromium, type Browser } from '@polyplus/testing';

const DOCS = join(__dirname, '..', 'docs');

let stack: E2eStack;
let browser: Browser;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('e2e_queue_dashboard');
  browser = await launchHeadlessChromium({ artefacts: DOCS, viewport: { width: 1440, height: 900 } });
  browser.page.on('request', (request) => requested.push(request.url()));
  browser.page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.teardown();
}, 120_000);

/** Every queue has its card in the overview (the menu beside it lists the names before the counts load). */
async function showsEveryQueue(): Promise<void> {
  const overview = browser.page.locator('main');
  for (const { name } of PRODUCT_QUEUES) await overview.getByText(name, { exact: true }).waitFor({ timeout: 60_000 });
  expect(await overview.getByText(/\d+ Jobs?$/).count()).toBe(PRODUCT_QUEUES.length);
}

describe('queue dashboard (development sign-in)', () => {
  it('the printed URL signs in as the demo support engineer and lists every queue of the product', async () => {
    const { page } = browser;
    await page.goto(queueDashboardSignInUrl(stack.gatewayUrl));
    expect(new URL(page.url()).pathname).toBe('/queues/');
    await showsEveryQueue();
    expect(await page.title()).toBe('Poly+ queues');
    await page.screenshot({ path: join(DOCS, 'queue-dashboard.png') });
  }, 120_000);

  it('the demo planner’s board lists the same queues, marked read-only', async () => {
    const { page } = browser;
    await page.goto(new URL('/queues/sign-out', stack.gatewayUrl).toString());
    expect(new URL(page.url()).pathname).toBe('/queues/sign-in');
    await page.goto(queueDashboardSignInUrl(stack.gatewayUrl, 'planner'));
    await showsEveryQueue();
    await page.getByText('read-only', { exact: true }).first().waitFor({ timeout: 30_000 });
  }, 120_000);

  it('loads everything from the gateway: no request leaves its origin and nothing is blocked by its policy', () => {
    const origin = new URL(stack.gatewayUrl);
    const foreign = requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== origin.host);
    expect(requested.some((url) => new URL(url).pathname.startsWith('/queues/static/js/'))).toBe(true);
    expect(foreign).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });
});
