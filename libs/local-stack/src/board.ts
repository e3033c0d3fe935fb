import { buildWebApp } from './web-app';

/** Builds the board's static files with Vite unless the last build is newer than every source (`force` always builds). */
export function buildBoard(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  return buildWebApp('dispatch-board', options);
}

/**
 * The board's address as `npm start` prints it: a region's day, signed in as the demo planner with
 * one click (the board's server issues development tokens only outside production).
 */
export function boardSignInUrl(boardUrl: string, view: { region?: string; date?: string } = {}): string {
  const url = new URL(boardUrl);
  if (view.region) url.searchParams.set('region', view.region);
  if (view.date) url.searchParams.set('date', view.date);
  url.searchParams.set('sign-in', 'planner');
  return url.toString();
}
