import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium (tools/run/ensure-chromium.sh installs it); playwright-core never downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of the run: git-ignored, kept as CI artefacts. */
export const ARTEFACTS = join(__dirname, '..', '..', 'dist', 'e2e', 'dispatch-board');

export type Browser = { context: BrowserContext; page: Page; close(): Promise<void> };

/** Headless Chromium with a fresh profile and no background traffic of its own. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run tools/run/ensure-chromium.sh (or set CHROMIUM_PATH)`);
  const profile = mkdtempSync(join(tmpdir(), 'board-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  mkdirSync(ARTEFACTS, { recursive: true });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  return join(ARTEFACTS, `${name}.png`);
}
