// The gateway's development GraphQL IDE in headless Chromium against the real stack: GraphiQL loads
// entirely from the gateway (offline: no request leaves its origin) and runs a query with the demo
// support engineer's token it comes with.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildGraphqlIde, graphqlData } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { launchBrowser, type Browser } from './dispatch-board/browser';

const SCREENSHOTS = join(__dirname, '..', 'dist', 'e2e', 'graphiql');

let stack: E2eStack;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const graphqlCalls: { authorization?: string; body: string }[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  await buildGraphqlIde();
  stack = await startE2eStack('e2e_graphiql');
  await graphqlData(stack.gateway, 'mutation { createCustomer(input: { name: "GraphiQL Trading" }) { id } }');
  browser = await launchBrowser();
  page = browser.page;
  page.on('request', (request) => {
    requested.push(request.url());
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
      graphqlCalls.push({ authorization: request.headers().authorization, body: request.postData() ?? '' });
    }
  });
  page.on('websocket', (socket) => requested.push(socket.url()));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.teardown();
}, 120_000);

describe('GraphiQL on the gateway (development)', () => {
  it('loads at /graphql with the demo engineer’s Authorization header filled in', async () => {
    await page.goto(stack.gatewayUrl);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-editor-tool', { hasText: 'Authorization' }).waitFor();
    expect(await page.title()).toBe('Poly+ GraphQL (development)');
  }, 90_000);

  it('runs a query with the demo token and shows the answer', async () => {
    await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ customers { name } }')`);
    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await response.getByText('GraphiQL Trading').waitFor({ timeout: 30_000 });
    const run = graphqlCalls.find((call) => call.body.includes('customers { name }'));
    expect(run?.authorization).toMatch(/^Bearer ey/);
    expect(await response.textContent()).not.toContain('errors');
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql.png') });
  }, 60_000);

  it('loads everything from the gateway: no request leaves its origin', () => {
    const origin = new URL(stack.gatewayUrl);
    const foreign = requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== origin.host);
    expect(requested.some((url) => url.endsWith('/graphiql/graphiql.js'))).toBe(true);
    expect(foreign).toEqual([]);
    // Nothing the page needs was blocked by its own content security policy.
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
  });
});
