import { serviceLogger, withRequestLogContext } from '@polyplus/logger';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html, type SafeHtml } from '../render/html';
import { verifyUnsubscribeToken, type UnsubscribeClaim, type UnsubscribeScope } from './mail-link-token';

export type LinksServer = { url: string; port: number; server: Server; close(): Promise<void> };

export type LinksServerOptions = {
  host: string;
  port: number;
  linkSecret: string;
  unsubscribe: (claim: UnsubscribeClaim) => Promise<void>;
  log?: (message: string) => void;
};

const SCOPE_NAMES: Record<UnsubscribeScope, string> = {
  ALL: 'all e-mail from Poly+ Support',
  CASE_UPDATES: 'case updates',
  REPLACEMENT_PARTS: 'replacement part updates',
  RETURNS: 'return reminders and invoices',
  ONSITE_VISITS: 'technician visit updates',
  SECURITY_NOTICES: 'security notices',
};

const MAX_FORM_BYTES = 4_096;

function page(title: string, body: SafeHtml): string {
  return `<!DOCTYPE html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>${title}</title>
    </head>
    <body style="margin:0;background:#f3f5f8;font-family:Arial,Helvetica,sans-serif;color:#1d2433">
      <main style="max-width:520px;margin:40px auto;background:#fff;border:1px solid #d9dee6;border-radius:6px;padding:24px">
        <h1 style="font-size:20px;margin:0 0 12px">${title}</h1>
        ${body}
      </main>
    </body>
  </html>`}`;
}

function send(response: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // Nothing from elsewhere, no framing, no scripts: the page is a form and a sentence.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  response.end(body);
}

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('form too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/**
 * The public page behind unsubscribe links. GET shows what the link turns off and a button (mail
 * scanners follow links; they do not submit forms); POST turns it off, which is also what a mail
 * client's one-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`) sends. The token is an
 * HMAC-signed claim: no sign-in, and a forged or altered link does nothing.
 */
export async function startLinksServer(options: LinksServerOptions): Promise<LinksServer> {
  const log = options.log ?? ((message: string) => serviceLogger('unsubscribe').info(message));
  const server = createServer(
    withRequestLogContext((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname === '/health')
        return send(response, 200, JSON.stringify({ service: 'notifications-links', status: 'up', pid: process.pid }), 'application/json');
      if (url.pathname !== '/unsubscribe') return send(response, 404, page('Not found', html`<p>There is nothing here.</p>`));
      const token = url.searchParams.get('token') ?? '';
      const claim = verifyUnsubscribeToken(token, options.linkSecret);
      if (!claim)
        return send(
          response,
          400,
          page(
            'This link does not work',
            html`<p>
              The unsubscribe link is incomplete or was changed. Use the link from the most recent mail, or ask your Poly+ support contact.
            </p>`,
          ),
        );
      if (request.method === 'GET' || request.method === 'HEAD') {
        const action = `/unsubscribe?token=${token}`;
        const body = html`<p>Stop receiving <strong>${SCOPE_NAMES[claim.scope]}</strong> by e-mail?</p>
          <form method="post" action="${action}">
            <input type="hidden" name="scope" value="${claim.scope}" /><button type="submit" style="font-size:15px;padding:8px 16px">
              Unsubscribe
            </button>
          </form>
          ${claim.scope !== 'ALL' ? html`<form method="post" action="${action}" style="margin-top:16px"><input type="hidden" name="scope" value="ALL" /><button type="submit" style="font-size:13px;padding:6px 12px">Stop all e-mail from Poly+ Support</button></form>` : html``}
          <p style="font-size:13px;color:#5b6577;margin-top:20px">
            You can turn mail back on in the Online Support Center (notification preferences).
          </p>`;
        return send(response, 200, page('Unsubscribe', body));
      }
      if (request.method !== 'POST') return send(response, 405, page('Not allowed', html`<p>Use the button on the page.</p>`));
      readForm(request)
        .then(async (form) => {
          // The one-click body names no scope: the link's own. A form may widen it to ALL, nothing else.
          const scope: UnsubscribeScope = form.get('scope') === 'ALL' ? 'ALL' : claim.scope;
          await options.unsubscribe({ ...claim, scope });
          send(response, 200, page('Unsubscribed', html`<p>You will no longer receive ${SCOPE_NAMES[scope]} by e-mail.</p>`));
        })
        .catch((error: Error) => {
          log(`[notifications] unsubscribe failed: ${error.message}`);
          send(response, 503, page('Please try again', html`<p>We could not record that just now. Please try again in a minute.</p>`));
        });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
