// The development GraphQL IDE: a browser that opens /graphql gets GraphiQL (bundled from npm by
// `nx build gateway` into dist/apps/gateway/graphiql and served from here, nothing from a CDN), with
// the demo support engineer's development token in the Authorization header. With
// NODE_ENV=production the gateway installs none of this: /graphql is the API only.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { DEMO_ENGINEER, issueDevelopmentToken } from '@polyplus/auth';
import type { HttpRoutes } from '@polyplus/subgraph-kit';

/** Where the page's script, stylesheet and lazily loaded chunks are served. */
export const GRAPHIQL_PREFIX = '/graphiql/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Everything from this origin; GraphiQL's editor sets inline styles, nothing else is relaxed.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const DEFAULT_QUERY = `# Poly+ supergraph, development. The Authorization header below is the demo support engineer's
# development token (npm run token -- <ROLE> <subject> issues others). Ctrl-Enter runs the query.
{
  supportQueue(limit: 5) {
    severity
    responseDueAt
    device { serialNumber }
    customer { name }
  }
}
`;

/**
 * The built IDE: compiled, beside the gateway in dist/apps/gateway/graphiql; run from the sources,
 * the same folder of the repository's build output.
 */
export function graphiqlRoot(): string {
  // Compiled: dist/apps/gateway/apps/gateway/src/ide; from the sources: apps/gateway/src/ide.
  const base = join(__dirname, '..', '..', '..', '..');
  const compiled = join(base, 'graphiql');
  return existsSync(join(compiled, 'graphiql.js')) ? compiled : join(base, 'dist', 'apps', 'gateway', 'graphiql');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A browser navigating to /graphql (GET, HTML accepted, no query in the address). */
function isBrowserVisit(request: IncomingMessage, url: URL): boolean {
  return (
    request.method === 'GET' &&
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

async function sendPage(root: string, env: NodeJS.ProcessEnv, response: ServerResponse): Promise<void> {
  if (!existsSync(join(root, 'graphiql.js'))) {
    response.writeHead(503, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end(`The GraphQL IDE is not built (${root}): run npx nx build gateway.\n`);
    return;
  }
  const token = await issueDevelopmentToken(DEMO_ENGINEER, env);
  const headers = JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);
  response.writeHead(200, PAGE_HEADERS);
  response.end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Poly+ GraphQL (development)</title>
<link rel="stylesheet" href="${GRAPHIQL_PREFIX}graphiql.css">
<script type="module" src="${GRAPHIQL_PREFIX}graphiql.js"></script>
</head>
<body>
<div id="graphiql" data-endpoint="/graphql" data-headers="${escapeAttribute(headers)}" data-query="${escapeAttribute(DEFAULT_QUERY)}"></div>
</body>
</html>
`);
}

async function sendAsset(root: string, request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(GRAPHIQL_PREFIX.length));
  } catch {
    relative = '\0';
  }
  const file = normalize(join(root, relative));
  const inside = !relative.includes('\0') && file.startsWith(root + sep);
  const found =
    inside &&
    request.method === 'GET' &&
    (await stat(file).then(
      (s) => s.isFile(),
      () => false,
    ));
  if (!found) {
    response.writeHead(inside ? 404 : 400, { 'content-type': 'text/plain; charset=utf-8' }).end(inside ? 'Not found' : 'Bad path');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    // Chunks carry a hash in their name; the entry script and stylesheet do not.
    'cache-control': file.includes(`${sep}chunks${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}

/**
 * Routes the gateway serves beside the API: outside production the IDE (its page at /graphql for
 * browsers, its files under /graphiql/), then `next`; in production `next` alone.
 */
export function withDevelopmentIde(env: NodeJS.ProcessEnv, next: HttpRoutes, root = graphiqlRoot()): HttpRoutes {
  if (env.NODE_ENV === 'production') return next;
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://gateway');
    const answer = isBrowserVisit(request, url)
      ? sendPage(root, env, response)
      : url.pathname.startsWith(GRAPHIQL_PREFIX)
        ? sendAsset(root, request, response, url.pathname)
        : null;
    if (!answer) return next(request, response);
    answer.catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('The GraphQL IDE could not be served');
    });
    return true;
  };
}
