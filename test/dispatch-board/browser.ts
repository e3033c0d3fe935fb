import { join } from 'node:path';
import { launchHeadlessChromium, type Browser } from '@polyplus/testing';

export { CHROMIUM, type Browser } from '@polyplus/testing';

/** Screenshots of the run: git-ignored, kept as CI artefacts. */
export const ARTEFACTS = join(__dirname, '..', '..', 'dist', 'e2e', 'dispatch-board');

/** Headless Chromium with a fresh profile and no background traffic of its own. */
export function launchBrowser(): Promise<Browser> {
  return launchHeadlessChromium({ artefacts: ARTEFACTS });
}

export function screenshotPath(name: string): string {
  return join(ARTEFACTS, `${name}.png`);
}
