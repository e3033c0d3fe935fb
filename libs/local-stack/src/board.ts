import { buildWebApp } from './web-app';

/** Builds the board's static files with Vite unless the last build is newer than every source (`force` always builds). */
export function buildBoard(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  return buildWebApp('dispatch-board', options);
}

