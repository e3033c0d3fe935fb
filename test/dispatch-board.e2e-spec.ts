// The dispatch board in headless Chromium against the real stack with the demo data: what a
// planner sees, pins, and how the page follows the scheduler live.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { boardSignInUrl, DEMO_PLANNER, graphqlData, startBoardProcess } from '@polyplus/local-stack';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { launchBrowser, screenshotPath, type Browser } from './dispatch-board/browser';
import {
  apiBoard,
  feasibleMove,
  settledBoard,
  loadDemoBoardDay,
  waitForPlannedVisits,
  type BoardDay,
} from './dispatch-board/board-day-fixture';

let stack: E2eStack;
let board: Awaited<ReturnType<typeof startBoardProcess>>;
let browser: Browser;
let page: Page;
let day: BoardDay;
let date: string;
let plannerToken: string;
const requested: string[] = [];

const visitBlock = (visitId: string) => page.locator(`.visit[data-visit-id="${visitId}"]`);
const technicianRow = (name: string) => page.getByRole('group', { name: `${name}’s day` });

async function signIn(): Promise<void> {
  await page.goto(`${board.url}?region=${day.region}&date=${date}`);
  await page.getByLabel('Planner token').fill(plannerToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`${day.region} · ${date}`) }).waitFor();
}

beforeAll(async () => {
  stack = await startE2eStack('e2e_board');
  board = await startBoardProcess(stack.gatewayUrl, { env: stack.env, rebuild: true, log: () => undefined });
  day = await loadDemoBoardDay(stack.gatewayUrl, stack.env);
  const visits = await waitForPlannedVisits(stack.gateway, day.incidentIds);
  const { timeZone } = await apiBoard(stack.gateway, day.region, DateTime.now().toISODate() as string);
  const firstStart = visits
    .map((visit) => visit.windowStart)
    .filter((start): start is string => !!start)
    .sort()[0];
  date = DateTime.fromISO(firstStart).setZone(timeZone).toISODate() as string;
  plannerToken = (await stack.as(DEMO_PLANNER)).token;
  browser = await launchBrowser();
  page = browser.page;
  page.on('request', (request) => requested.push(request.url()));
  page.on('websocket', (socket) => requested.push(socket.url()));
  await signIn();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await board?.stop();
  await stack?.teardown();
}, 60_000);

describe('dispatch board in a browser', () => {
  it('shows one row per technician of the region and every visit of the day as a block in its technician’s row', async () => {
    const expected = await apiBoard(stack.gateway, day.region, date);
    expect(expected.schedules.length).toBeGreaterThanOrEqual(3);
    for (const { technician, stops } of expected.schedules) {
      const row = technicianRow(technician.name);
      await row.waitFor();
      for (const stop of stops) {
        const block = row.locator(`.visit[data-visit-id="${stop.visit.id}"]`);
        await expect(block.getAttribute('data-start')).resolves.toBe(stop.start);
        await expect(block.textContent()).resolves.toContain(stop.visit.incident.device.serialNumber);
      }
      await expect(row.locator('.visit').count()).resolves.toBe(stops.length);
    }
    expect(expected.schedules.flatMap((schedule) => schedule.stops).length).toBeGreaterThan(0);
    // The training morning is greyed out in Daniel's row.
    await expect(technicianRow('Daniel Okoro').locator('.absence').first().textContent()).resolves.toBe('Training');
    await page.screenshot({ path: screenshotPath('board'), fullPage: true });
  }, 60_000);

  it('lists the visits the scheduler could not place, with its reason in words', async () => {
    const expected = await apiBoard(stack.gateway, day.region, date);
    expect(expected.unassigned.length).toBeGreaterThan(0);
    const { onsiteVisit } = await graphqlData<{ onsiteVisit: { incident: { device: { serialNumber: string } } } }>(
      stack.gateway,
      'query ($id: ID!) { onsiteVisit(id: $id) { incident { device { serialNumber } } } }',
      { id: expected.unassigned[0].id },
    );
    const list = page.locator('section[aria-labelledby="unassigned-heading"]');
    await page.getByRole('heading', { name: `Unassigned visits (${expected.unassigned.length})` }).waitFor();
    const item = list.locator(`[data-visit-id="${expected.unassigned[0].id}"]`);
    expect(await item.textContent()).toContain(onsiteVisit.incident.device.serialNumber);
    // The damaged part's new arrival lies beyond the seven-day planning horizon.
    expect(await list.textContent()).toContain('The part arrives after the planning horizon');
  }, 30_000);

  it('opens a visit with its case, device, customer, part shipment and the reason it is placed there', async () => {
    const expected = await apiBoard(stack.gateway, day.region, date);
    const stop = expected.schedules.flatMap((schedule) => schedule.stops)[0];
    await visitBlock(stop.visit.id).click();
    const details = page.locator('.details');
    await details.getByRole('heading', { name: `Visit ${stop.visit.incident.device.serialNumber}` }).waitFor();
    const { onsiteVisit: facts } = await graphqlData<{
      onsiteVisit: {
        placement: { summary: string };
        incident: {
          summary: string;
          customer: { name: string };
          device: { product: { model: string } };
          replacementOrders: { partNumber: string }[];
        };
      };
    }>(
      stack.gateway,
      'query ($id: ID!) { onsiteVisit(id: $id) { placement { summary } incident { summary customer { name } device { product { model } } replacementOrders { partNumber } } } }',
      { id: stop.visit.id },
    );
    const text = await details.textContent();
    expect(text).toContain(facts.incident.summary);
    expect(text).toContain(facts.incident.customer.name);
    expect(text).toContain(facts.incident.device.product.model);
    expect(text).toContain(facts.incident.replacementOrders[0].partNumber);
    expect(text).toMatch(/ETA \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain(facts.placement.summary);
    await page.screenshot({ path: screenshotPath('visit-details'), fullPage: true });
  }, 30_000);

  it('has no serious or critical accessibility violations (axe-core), on the board and with a visit open', async () => {
    await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}; undefined`);
    const seriousViolations = async () => {
      const violations = await page.evaluate<{ id: string; impact: string; targets: string[] }[]>(
        `axe.run(document, { resultTypes: ['violations'] }).then((result) =>
          result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
      );
      return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    };
    await page.locator('.details').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: /^Close/ }).click();
    await page.locator('.details').waitFor({ state: 'detached' });
    expect(await seriousViolations()).toEqual([]);
  }, 30_000);

  it('can be worked from the keyboard: Tab reaches the visit blocks and Enter opens one with focus on its detail', async () => {
    await page.locator('body').focus();
    let reached: string | null = null;
    for (let presses = 0; presses < 40 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate<string | null>(`document.activeElement?.closest('.visit')?.getAttribute('data-visit-id') ?? null`);
    }
    expect(reached).not.toBeNull();
    await page.keyboard.press('Enter');
    await page.locator('#details-heading:focus').waitFor();
  }, 30_000);

  it('a feasible move pins the visit on the other technician at that time, and it is still there after a reload', async () => {
    const before = await settledBoard(stack.gateway, day.region, date);
    const move = feasibleMove(before, date, day.technicianIds);
    const zone = before.timeZone;
    const local = DateTime.fromISO(move.start).setZone(zone);
    await visitBlock(move.stop.visit.id).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Visit ${move.stop.visit.incident.device.serialNumber}` }).waitFor();
    const form = page.locator('form.move-form');
    await form.getByLabel('Technician').selectOption({ label: move.to.name });
    await form.getByLabel('Day').fill(local.toISODate() as string);
    await form.getByLabel(/^Start/).fill(local.toFormat('HH:mm'));
    await form.getByLabel(/^Start/).press('Enter');
    await form.locator('[role=status], [role=alert]').waitFor();
    expect(await form.locator('[role=status], [role=alert]').textContent()).toContain(`Pinned to ${move.to.name}`);

    const moved = technicianRow(move.to.name).locator(`.visit[data-visit-id="${move.stop.visit.id}"]`);
    await moved.waitFor();
    expect(Date.parse((await moved.getAttribute('data-start')) as string)).toBe(Date.parse(move.start));
    await page.reload();
    await moved.waitFor();
    expect(Date.parse((await moved.getAttribute('data-start')) as string)).toBe(Date.parse(move.start));
    await expect(moved.textContent()).resolves.toContain('pinned');
    await page.screenshot({ path: screenshotPath('after-move'), fullPage: true });
  }, 150_000);

  it('dragging a visit onto another technician’s row at a time pins it there', async () => {
    const before = await settledBoard(stack.gateway, day.region, date);
    const move = feasibleMove(before, date, day.technicianIds);
    const lane = technicianRow(move.to.name).locator('.lane');
    const [box, from, to] = await Promise.all([lane.boundingBox(), lane.getAttribute('data-axis-from'), lane.getAttribute('data-axis-to')]);
    const minute = DateTime.fromISO(move.start)
      .setZone(before.timeZone)
      .diff(DateTime.fromISO(date, { zone: before.timeZone }), 'minutes').minutes;
    const x = ((minute - Number(from)) / (Number(to) - Number(from))) * (box as { width: number }).width;
    await visitBlock(move.stop.visit.id).dragTo(lane, { targetPosition: { x, y: 20 } });
    await page.locator('.board-grid > [role=status], .board-grid > [role=alert]').waitFor();
    expect(await page.locator('.board-grid > [role=status], .board-grid > [role=alert]').textContent()).toContain(
      `Moved and pinned: ${move.stop.visit.incident.device.serialNumber} to ${move.to.name}`,
    );
    const moved = technicianRow(move.to.name).locator(`.visit[data-visit-id="${move.stop.visit.id}"]`);
    await moved.waitFor();
    expect(Date.parse((await moved.getAttribute('data-start')) as string)).toBe(Date.parse(move.start));
  }, 150_000);

  it('an infeasible move shows the API’s reason and changes nothing', async () => {
    const before = await apiBoard(stack.gateway, day.region, date);
    const schedule = before.schedules.find((candidate) => candidate.stops.some((stop) => !stop.visit.pinned)) ?? before.schedules[0];
    const stop = schedule.stops.find((candidate) => !candidate.visit.pinned) ?? schedule.stops[0];
    await visitBlock(stop.visit.id).click();
    await page.getByRole('heading', { name: `Visit ${stop.visit.incident.device.serialNumber}` }).waitFor();
    const form = page.locator('form.move-form');
    await form.getByLabel('Technician').selectOption({ label: schedule.technician.name });
    await form.getByLabel('Day').fill(date);
    // Before dawn: outside the shift and the site's business hours.
    await form.getByLabel(/^Start/).fill('05:00');
    await form.getByRole('button', { name: 'Move and pin' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Not moved: .{10,}/);
    await page.screenshot({ path: screenshotPath('infeasible-move'), fullPage: true });

    const { onsiteVisit } = await graphqlData<{ onsiteVisit: { windowStart: string; pinned: boolean; technician: { id: string } } }>(
      stack.gateway,
      'query ($id: ID!) { onsiteVisit(id: $id) { windowStart pinned technician { id } } }',
      { id: stop.visit.id },
    );
    expect(onsiteVisit).toEqual({ windowStart: stop.start, pinned: stop.visit.pinned, technician: { id: schedule.technician.id } });
    await expect(visitBlock(stop.visit.id).getAttribute('data-start')).resolves.toBe(stop.start);
  }, 30_000);

  it('a part delay recorded through the API moves the visit’s block on the open page, without a reload', async () => {
    const before = await apiBoard(stack.gateway, day.region, date);
    const stop = before.schedules
      .flatMap((schedule) => schedule.stops)
      .filter((candidate) => !candidate.visit.pinned)
      .sort((a, b) => a.start.localeCompare(b.start))[0];
    const { incident } = await graphqlData<{
      incident: { replacementOrders: { id: string; shipment: { carrier: string; trackingNumber: string } | null }[] };
    }>(stack.gateway, 'query ($id: ID!) { incident(id: $id) { replacementOrders { id shipment { carrier trackingNumber } } } }', {
      id: stop.visit.incident.id,
    });
    const [order] = incident.replacementOrders;
    let shipment = order.shipment;
    if (!shipment) {
      shipment = { carrier: 'DHL', trackingNumber: `JD-${order.id.slice(0, 8).toUpperCase()}` };
      await graphqlData(stack.gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
        input: { orderId: order.id, ...shipment, partSerialNumber: `RP-${order.id.slice(0, 8).toUpperCase()}` },
      });
    }
    await page.evaluate(`window.boardSession = 'still the same page'`);
    const eta = DateTime.fromISO(stop.start).plus({ hours: 3 }).toUTC().toISO({ suppressMilliseconds: true }) as string;
    await graphqlData(stack.gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
      input: { ...shipment, status: 'EXCEPTION', at: new Date().toISOString(), eta, note: 'Missed the connecting flight' },
    });

    // Moved later the same day, or off this day altogether: either way not where it was.
    await page.waitForFunction(
      ({ visitId, start }) => {
        const { document } = globalThis as unknown as {
          document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
        };
        const block = document.querySelector(`.visit[data-visit-id="${visitId}"]`);
        return !block || (block.getAttribute('data-start') ?? '') > start;
      },
      { visitId: stop.visit.id, start: stop.start },
      { timeout: 15_000, polling: 200 },
    );
    const block = visitBlock(stop.visit.id);
    if (await block.count()) expect(Date.parse((await block.getAttribute('data-start')) as string)).toBeGreaterThanOrEqual(Date.parse(eta));
    await expect(page.evaluate(`window.boardSession`)).resolves.toBe('still the same page');
    await page.screenshot({ path: screenshotPath('after-part-delay'), fullPage: true });
  }, 30_000);

  it('opens signed in as the demo planner from the address npm start prints (development sign-in)', async () => {
    const fresh = await browser.context.newPage();
    try {
      await fresh.goto(boardSignInUrl(board.url, { region: day.region, date }));
      await fresh.getByRole('heading', { level: 2, name: new RegExp(`${day.region} · ${date}`) }).waitFor({ timeout: 30_000 });
      expect(new URL(fresh.url()).searchParams.has('sign-in')).toBe(false);
      const token = String(await fresh.evaluate(`sessionStorage.getItem('dispatch-board.token')`));
      expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub).toBe('demo-planner');
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('loads everything from its own server: no request leaves for another origin', async () => {
    const origin = new URL(board.url);
    const foreign = requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== origin.host);
    expect(requested.length).toBeGreaterThan(3);
    expect(requested.some((url) => url.startsWith(`ws://${origin.host}/graphql`))).toBe(true);
    expect(foreign).toEqual([]);
  });

  it('says live updates are interrupted when the connection to the gateway drops', async () => {
    await page.locator('.live-status', { hasText: 'Live' }).waitFor();
    await board.stop();
    const banner = page.getByRole('alert').filter({ hasText: 'Live updates are interrupted' });
    await banner.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('connection-lost'), fullPage: true });
  }, 30_000);
});
