import { serviceLogger } from '@polyplus/logger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { GraphQLError } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { DomainError, answerAfterUnreadBody, httpStatusOf, signedPrincipal, type HttpRoutes } from '@polyplus/subgraph-kit';
import { ContentRefused, isTextContentType } from './attachment-content';
import type { Attachment } from './attachment.entity';
import type { AttachmentService } from './attachment.service';

/** Where the gateway relays file transfers: `PUT /files/uploads/<link>`, `GET /files/downloads/<link>`. */
export const FILES_PATH_PREFIX = '/files/';
const ROUTE = /^\/files\/(uploads|downloads)\/([A-Za-z0-9_-]{1,4000}\.[A-Za-z0-9_-]{1,100})$/;

type RouteOptions = { principalSecrets: readonly string[]; now?: () => Date; log?: (message: string, error?: unknown) => void };

/** One direction of a file link: the link's token, the exchange it answers, the caller checked against the token's claims. */
type FileTransfer = (
  service: AttachmentService,
  token: string,
  request: IncomingMessage,
  response: ServerResponse,
  options: RouteOptions,
) => Promise<void>;

function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // The rest of a refused upload is read and dropped first, so that the refusal reaches the uploader.
  answerAfterUnreadBody(request, () => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
  });
}

function sendFailure(request: IncomingMessage, response: ServerResponse, error: unknown, log: RouteOptions['log']): void {
  if (error instanceof DomainError || error instanceof GraphQLError) {
    const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const status = error instanceof ContentRefused ? error.httpStatus : httpStatusOf(code);
    const field = error.extensions.field;
    return sendError(request, response, status, code, error.message, field ? { field } : {});
  }
  if (request.destroyed && !request.complete) return; // the uploader went away
  log?.('[attachments] transfer failed', error);
  sendError(request, response, 500, 'INTERNAL_SERVER_ERROR', 'The transfer failed; try again');
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266), safe whatever the name holds. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function downloadHeaders(attachment: Attachment): Record<string, string> {
  return {
    'content-type': isTextContentType(attachment.contentType) ? `${attachment.contentType}; charset=utf-8` : attachment.contentType,
    'content-length': String(attachment.size),
    'content-disposition': contentDisposition(attachment.fileName),
    'repr-digest': `sha-256=:${Buffer.from(attachment.sha256, 'hex').toString('base64')}:`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}

function principalOf(request: IncomingMessage, options: RouteOptions): Principal {
  return signedPrincipal(request, options.principalSecrets, options.now?.() ?? new Date());
}

function declaredType(header: string | undefined): string | undefined {
  return header?.split(';')[0].trim().toLowerCase() || undefined;
}

const upload: FileTransfer = async (service, token, request, response, options) => {
  const claims = service.uploadClaims(token, principalOf(request, options));
  const length = request.headers['content-length'] === undefined ? undefined : Number(request.headers['content-length']);
  if (length !== undefined && length > claims.size)
    throw new ContentRefused(`The file is larger than the ${claims.size} bytes declared`, 'size', 413);
  if (length !== undefined && length < claims.size)
    throw new ContentRefused(`The upload carries ${length} of the ${claims.size} bytes declared`, 'size');
  const type = declaredType(request.headers['content-type']);
  if (type !== undefined && type !== claims.contentType && type !== 'application/octet-stream') {
    throw new ContentRefused(`The upload is ${type}, but ${claims.contentType} was declared`, 'contentType');
  }
  const attachment = await service.receiveUpload(claims, request);
  response.writeHead(201, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(
    JSON.stringify({
      id: attachment.id,
      fileName: attachment.fileName,
      contentType: attachment.contentType,
      kind: attachment.kind,
      size: attachment.size,
      sha256: attachment.sha256,
    }),
  );
};

const download: FileTransfer = async (service, token, request, response, options) => {
  const { attachment, content } = await service.openDownload(token, principalOf(request, options));
  response.writeHead(200, downloadHeaders(attachment));
  if (request.method === 'HEAD') {
    content.destroy();
    response.end();
    return;
  }
  // Each segment is authenticated before it is sent; a failure cuts the response short, so the
  // client sees an incomplete transfer rather than a wrong file.
  await pipeline(content, response);
};

/**
 * The attachment transfer endpoints the incidents service serves beside `/graphql`. Like GraphQL
 * requests, they accept only callers the gateway vouched for (its signed principal header).
 */
export function attachmentRoutes(service: AttachmentService, options: RouteOptions): HttpRoutes {
  const log = options.log ?? ((message: string, error?: unknown) => serviceLogger('attachments').error({ err: error }, message));
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (!path.startsWith(FILES_PATH_PREFIX)) return false;
    const route = ROUTE.exec(path);
    if (!route) {
      sendError(request, response, 404, 'NOT_FOUND', 'No such file link');
      return true;
    }
    const [, direction, token] = route;
    const allowed = direction === 'uploads' ? ['PUT'] : ['GET', 'HEAD'];
    if (!allowed.includes(request.method ?? '')) {
      response.setHeader('allow', allowed.join(', '));
      sendError(request, response, 405, 'BAD_REQUEST', `Use ${allowed.join(' or ')} on this link`);
      return true;
    }
    const transfer =
      direction === 'uploads' ? upload(service, token, request, response, options) : download(service, token, request, response, options);
    transfer.catch((error: unknown) => sendFailure(request, response, error, log));
    return true;
  };
}
