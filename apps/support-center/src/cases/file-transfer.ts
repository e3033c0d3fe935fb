// Case attachments travel beside GraphQL: the API hands out a short-lived link, the bytes go to
// /files/ on this page's own server (relayed to the gateway) with the same bearer token.

/** The types a case accepts (the API checks them against the bytes). */
export const ACCEPTED_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  vsdx: 'application/vnd.ms-visio.drawing',
  pcap: 'application/vnd.tcpdump.pcap',
  txt: 'text/plain',
  log: 'text/plain',
  cfg: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
};

const KNOWN = new Set(Object.values(ACCEPTED_TYPES));

/** The media type to declare: the browser's when the API knows it, else by the file's extension. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (KNOWN.has(file.type)) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return ACCEPTED_TYPES[extension] ?? (file.type || 'application/octet-stream');
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The URL the API gave, on this page's origin when it is a path (the server relays /files/). */
export function transferUrl(link: string, origin: string): string {
  return new URL(link, origin).toString();
}

export type TransferProblem = { status: number; message: string };

function problemOf(status: number, body: string): TransferProblem {
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: string }[]; error?: string; message?: string };
    const message = parsed.errors?.[0]?.message ?? parsed.error ?? parsed.message;
    if (message) return { status, message };
  } catch {
    // not JSON: the status says it
  }
  return { status, message: body.trim().slice(0, 200) || `the file service answered ${status}` };
}

/** PUTs the file's bytes with the bearer token, reporting progress; resolves on 201. */
export function putFile(
  url: string,
  file: Blob,
  contentType: string,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', contentType);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () =>
      request.status === 201 || request.status === 200 ? resolve() : reject(problemOf(request.status, request.responseText));
    request.onerror = () => reject({ status: 0, message: 'the upload was interrupted' } satisfies TransferProblem);
    request.send(file);
  });
}

/** GETs a file with the bearer token. */
export async function fetchFile(url: string, token: string): Promise<Blob> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw problemOf(response.status, await response.text());
  return response.blob();
}

/** SHA-256 of the bytes as hex, or null where the browser offers no digest (not a secure context). */
export async function sha256Hex(blob: Blob): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Hands a blob to the browser as a download under its name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
