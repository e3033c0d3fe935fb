import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { graphqlData, startPortalProcess, type WebAppProcess } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';
import { startE2eStack, type E2eStack, type GatewayAs } from '../support/e2e-stack';
import { launchHeadlessChromium, type Browser } from '@polyplus/testing';
import { runSeedCli } from '../support/seed-cli';

/** Screenshots of the run: git-ignored, kept as CI artefacts (the README's come from here). */
export const ARTEFACTS = join(__dirname, '..', '..', 'dist', 'e2e', 'support-center');

export function screenshotPath(name: string): string {
  return join(ARTEFACTS, `support-center-${name}.png`);
}

export type DemoCustomer = {
  id: string;
  contractId: string;
  siteIds: Record<string, string>;
  admin: Principal;
  technician: Principal;
};

export type PortalStack = E2eStack & { portal: WebAppProcess; customer: DemoCustomer };

const quiet = () => undefined;

/** The customer the portal's development sign-in acts for (tools/seed/seed-portal.ts). */
const PORTAL_DEMO_CUSTOMER = 'Northwind Trading';

/** The real stack with the demo data `npm start` loads, and the portal in front of its gateway. */
export async function startPortalStack(suite: string): Promise<PortalStack> {
  const stack = await startE2eStack(suite);
  try {
    await runSeedCli('tools/seed/seed-portal-cli.ts', stack.gatewayUrl, stack.env);
    const portal = await startPortalProcess(stack.gatewayUrl, { env: stack.env, rebuild: true, log: quiet });
    return { ...stack, portal, customer: await demoCustomer(stack.gateway) };
  } catch (error) {
    await stack.teardown();
    throw error;
  }
}

type CustomerRecord = {
  id: string;
  name: string;
  sites: { id: string; name: string }[];
  contracts: { id: string }[];
  contacts: { id: string; email: string; role: string; designated: boolean }[];
};

/** Another demo customer's admin, for what one customer must never see of another. */
export async function otherCustomerAdmin(staff: GatewayAs, name: string): Promise<Principal & { customerId: string }> {
  const { customers } = await graphqlData<{ customers: CustomerRecord[] }>(
    staff,
    '{ customers { id name sites { id name } contracts { id } contacts { id email role designated } } }',
  );
  const customer = customers.find((candidate) => candidate.name === name);
  const admin = customer?.contacts.find((contact) => contact.role === 'ADMIN');
  if (!customer || !admin) throw new Error(`${name} has no admin in the demo data`);
  return { subject: admin.email, role: 'CUSTOMER_ADMIN', customerIds: [customer.id], contactId: admin.id, customerId: customer.id };
}

async function demoCustomer(staff: GatewayAs): Promise<DemoCustomer> {
  const { customers } = await graphqlData<{ customers: CustomerRecord[] }>(
    staff,
    '{ customers { id name sites { id name } contracts { id } contacts { id email role designated } } }',
  );
  const customer = customers.find((candidate) => candidate.name === PORTAL_DEMO_CUSTOMER);
  if (!customer) throw new Error(`${PORTAL_DEMO_CUSTOMER} is not in the demo data`);
  const admin = customer.contacts.find((contact) => contact.role === 'ADMIN')!;
  const technician = customer.contacts.find((contact) => contact.role === 'TECHNICIAN' && contact.designated)!;
  return {
    id: customer.id,
    contractId: customer.contracts[0].id,
    siteIds: Object.fromEntries(customer.sites.map((site) => [site.name, site.id])),
    admin: { subject: admin.email, role: 'CUSTOMER_ADMIN', customerIds: [customer.id], contactId: admin.id },
    technician: { subject: technician.email, role: 'CUSTOMER_TECHNICIAN', customerIds: [customer.id], contactId: technician.id },
  };
}

export type PortalBrowser = Browser & { requested: string[] };

/** Chromium that remembers every URL the page asked for (requests and WebSockets). */
export async function launchPortalBrowser(viewport?: { width: number; height: number }): Promise<PortalBrowser> {
  const browser = await launchHeadlessChromium({ artefacts: ARTEFACTS, viewport });
  const requested: string[] = [];
  browser.context.on('request', (request) => requested.push(request.url()));
  browser.page.on('websocket', (socket) => requested.push(socket.url()));
  return { ...browser, requested };
}

/** The production way in: an access token of the configured issuer, pasted on the sign-in page. */
export async function signInWithToken(page: Page, portalUrl: string, token: string): Promise<void> {
  await page.goto(portalUrl);
  await page.getByLabel('Access token').fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Online Support Center' }).getByRole('link', { name: 'Service requests' }).waitFor();
}

/** The development sign-in link `npm start` prints, followed until the portal shows its sections. */
export async function signIn(page: Page, portalUrl: string, identity: 'admin' | 'technician'): Promise<void> {
  await page.goto(`${portalUrl}?sign-in=${identity}`);
  await page.getByRole('navigation', { name: 'Online Support Center' }).getByRole('link', { name: 'Service requests' }).waitFor();
}

/** Follows a link of the portal's navigation and waits for the view's heading. */
export async function openSection(page: Page, link: string, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Online Support Center' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page): Promise<{ id: string; impact: string; targets: string[] }[]> {
  if (!(await page.evaluate(`typeof axe !== 'undefined'`))) await page.evaluate(`${AXE}; undefined`);
  const violations = await page.evaluate<{ id: string; impact: string; targets: string[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  );
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
