import type { IncomingMessage } from 'node:http';

/** Reads a small request body as text; null when it is larger than `limitBytes`. */
async function readSmallBody(request: IncomingMessage, limitBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads a small JSON request body; null when it is larger than `limitBytes` or not JSON. */
export async function readJsonBody(request: IncomingMessage, limitBytes = 4_096): Promise<unknown> {
  const text = await readSmallBody(request, limitBytes);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Reads a small `application/x-www-form-urlencoded` body (a plain HTML form); null when it is larger than `limitBytes`. */
export async function readFormBody(request: IncomingMessage, limitBytes = 16_384): Promise<URLSearchParams | null> {
  const text = await readSmallBody(request, limitBytes);
  return text === null ? null : new URLSearchParams(text);
}
