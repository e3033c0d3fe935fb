import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a page's built static files are, for a server whose main module lives in `serverDir`
 * (`apps/<app>/server`): compiled, the build puts them beside the server at `dist/apps/<app>/public`;
 * run from the sources, they are the same folder of the repository's build output.
 */
export function builtPageRoot(app: string, serverDir: string): string {
  // Compiled: dist/apps/<app>/apps/<app>/server/main.js, three levels below dist/apps/<app>.
  const besideServer = join(serverDir, '..', '..', '..', 'public');
  if (existsSync(join(besideServer, 'index.html'))) return besideServer;
  return join(serverDir, '..', '..', '..', 'dist', 'apps', app, 'public');
}
