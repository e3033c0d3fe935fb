import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

export type MailPage = { url: string; close(): Promise<void> };

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

async function listing(folders: Record<string, string>): Promise<string> {
  const sections: string[] = [];
  for (const [title, directory] of Object.entries(folders)) {
    const files = (await readdir(directory).catch(() => [] as string[]))
      .filter((file) => file.endsWith('.eml'))
      .sort()
      .reverse();
    const rows: string[] = [];
    for (const file of files.slice(0, 200)) {
      const parsed = await simpleParser(await readFile(join(directory, file)));
      const to = [parsed.to]
        .flat()
        .map((address) => address?.text ?? '')
        .join(', ');
      rows.push(
        `<tr><td>${escape(parsed.date?.toISOString() ?? '')}</td><td>${escape(parsed.from?.text ?? '')}</td><td>${escape(to)}</td><td>${escape(parsed.subject ?? '')}</td>` +
          `<td><a href="/view?box=${encodeURIComponent(title)}&file=${encodeURIComponent(file)}">view</a> · <a href="/raw?box=${encodeURIComponent(title)}&file=${encodeURIComponent(file)}">.eml</a></td></tr>`,
      );
    }
    sections.push(
      `<h2>${escape(title)} (${files.length})</h2><p><code>${escape(directory)}</code></p><table><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th><th></th></tr>${rows.join('')}</table>`,
    );
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mail (development)</title><style>body{font-family:Arial,sans-serif;margin:24px}td,th{padding:4px 8px;text-align:left;border-bottom:1px solid #ddd;font-size:14px}</style></head><body><h1>Mail on this machine</h1>${sections.join('')}</body></html>`;
}

/**
 * A development page over folders of `.eml` files (the mail the product sent, the mail its
 * receiver got): a list, each mail's HTML as a recipient would see it (in a sandboxed frame), and the raw file.
 */
export async function startMailPage(folders: Record<string, string>, host = '127.0.0.1', port = 0): Promise<MailPage> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const directory = folders[url.searchParams.get('box') ?? ''];
    const file = url.searchParams.get('file') ?? '';
    const safeFile = /^[\w.-]+\.eml$/.test(file);
    const fail = (status: number) => response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status));
    if (url.pathname === '/') {
      listing(folders).then(
        (page) =>
          response
            .writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
            })
            .end(page),
        () => fail(500),
      );
      return;
    }
    if (!directory || !safeFile) return fail(404);
    readFile(join(directory, file)).then(
      async (raw) => {
        if (url.pathname === '/raw') return response.writeHead(200, { 'content-type': 'message/rfc822' }).end(raw);
        const parsed = await simpleParser(raw);
        const body = parsed.html || `<pre>${escape(parsed.text ?? '')}</pre>`;
        // The mail's own HTML, with nothing loaded from anywhere and no scripts: as a careful mail client shows it.
        response
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
          })
          .end(body);
      },
      () => fail(404),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
