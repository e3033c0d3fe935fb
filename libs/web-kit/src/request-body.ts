import type { IncomingMessage } from 'node:http';

/** Reads a small JSON request body; null when it is larger than `limitBytes` or not JSON. */
export async function readJsonBody(request: IncomingMessage, limitBytes = 4_096): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
