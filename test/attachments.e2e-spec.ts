import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DEMO_ENGINEER, graphqlData, graphqlRequest } from '@polyplus/local-stack';
import { parseMysqlUrl } from '@polyplus/persistence';
import { startE2eStack, type E2eStack, type GatewayAs } from './support/e2e-stack';
import { createTenant, customerSidePrincipals, type Tenant } from './support/tenants';

// "The Customer will ... provide Poly with information related to their Poly Products ... including
// network diagrams, system configurations, Customer detail records and operation procedures."

const LINK_SECRET = 'e2e-attachment-link-secret-of-32-characters-or-more';
const NETWORK_DIAGRAM = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
  randomBytes(300_000),
]);
const sha256 = (data: Buffer | ArrayBuffer) =>
  createHash('sha256')
    .update(Buffer.from(data as ArrayBuffer))
    .digest('hex');

type Upload = { attachmentId: string; uploadUrl: string; expiresAt: string };
const REQUEST_UPLOAD =
  'mutation ($input: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $input) { attachmentId uploadUrl expiresAt } }';
const ATTACHMENTS =
  'query ($id: ID!) { incident(id: $id) { attachments { id fileName kind size sha256 uploadedBy downloadUrl downloads { downloadedBy } } } }';

let stack: E2eStack;
let storageDir: string;
let a: Tenant;
let b: Tenant;
let origin: string;

beforeAll(async () => {
  storageDir = await mkdtemp(join(tmpdir(), 'e2e-attachments-'));
  stack = await startE2eStack('e2e_attachments', {
    OBJECT_STORAGE_DIR: storageDir,
    ATTACHMENT_LINK_SECRETS: LINK_SECRET,
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_STAFF_PER_MINUTE: '0',
  });
  origin = new URL(stack.gatewayUrl).origin;
  a = await createTenant(stack, 'Attachments Tenant A', 'ATTACH-A-01');
  b = await createTenant(stack, 'Attachments Tenant B', 'ATTACH-B-01');
}, 300_000);

afterAll(async () => {
  await stack?.teardown();
  await rm(storageDir, { recursive: true, force: true });
}, 120_000);

/** Everything stored: the files under the storage directory and the rows of the attachment table. */
async function stored(): Promise<{ files: string[]; rows: number }> {
  const entries = await readdir(join(storageDir, 'objects'), { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const server = parseMysqlUrl();
  const connection = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  try {
    const [result] = await connection.query(`SELECT COUNT(*) AS n FROM \`${stack.prefix}incidents\`.incident_attachment`);
    return { files, rows: Number((result as { n: number }[])[0].n) };
  } finally {
    await connection.end();
  }
}

function requestUpload(as: GatewayAs, input: Record<string, unknown>) {
  return graphqlRequest<{ requestAttachmentUpload: Upload }>(as, REQUEST_UPLOAD, {
    input: {
      incidentId: a.incidentId,
      fileName: 'core-network.png',
      contentType: 'image/png',
      size: NETWORK_DIAGRAM.length,
      kind: 'NETWORK_DIAGRAM',
      ...input,
    },
  });
}

async function uploadLink(as: GatewayAs, input: Record<string, unknown> = {}): Promise<Upload> {
  const result = await requestUpload(as, input);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.requestAttachmentUpload;
}

/** The links are paths on the gateway's origin, used with the caller's own bearer token. */
const put = (as: GatewayAs, url: string, body: Buffer, contentType = 'image/png') =>
  fetch(new URL(url, origin), { method: 'PUT', body, headers: { authorization: `Bearer ${as.token}`, 'content-type': contentType } });
const get = (as: GatewayAs, url: string) => fetch(new URL(url, origin), { headers: { authorization: `Bearer ${as.token}` } });
const codes = (result: { errors?: { extensions?: { code?: string } }[] }) => (result.errors ?? []).map((error) => error.extensions?.code);

describe('case attachments through the gateway', () => {
  it('a customer uploads a network diagram to its case and downloads the same bytes (checksum equal) through the gateway’s links', async () => {
    const link = await uploadLink(a.admin);
    expect(link.uploadUrl).toMatch(/^\/files\/uploads\//);
    const uploaded = await put(a.admin, link.uploadUrl, NETWORK_DIAGRAM);
    expect(uploaded.status).toBe(201);
    expect(await uploaded.json()).toMatchObject({ id: link.attachmentId, sha256: sha256(NETWORK_DIAGRAM), size: NETWORK_DIAGRAM.length });

    const { incident } = await graphqlData<{
      incident: { attachments: { id: string; sha256: string; uploadedBy: string; downloadUrl: string }[] };
    }>(a.admin, ATTACHMENTS, { id: a.incidentId });
    expect(incident.attachments).toEqual([
      expect.objectContaining({
        id: link.attachmentId,
        sha256: sha256(NETWORK_DIAGRAM),
        uploadedBy: `CUSTOMER_ADMIN:${a.principal.subject}`,
      }),
    ]);
    const downloaded = await get(a.admin, incident.attachments[0].downloadUrl);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(downloaded.headers.get('content-disposition')).toContain('attachment');
    expect(sha256(await downloaded.arrayBuffer())).toBe(sha256(NETWORK_DIAGRAM));

    // Support sees the same file; every download is recorded with who fetched it.
    const staff = await graphqlData<{ incident: { attachments: { downloadUrl: string }[] } }>(stack.gateway, ATTACHMENTS, {
      id: a.incidentId,
    });
    expect(sha256(await (await get(stack.gateway, staff.incident.attachments[0].downloadUrl)).arrayBuffer())).toBe(sha256(NETWORK_DIAGRAM));
    const after = await graphqlData<{ incident: { attachments: { downloads: { downloadedBy: string }[] }[] } }>(a.admin, ATTACHMENTS, {
      id: a.incidentId,
    });
    expect(after.incident.attachments[0].downloads.map((download) => download.downloadedBy)).toEqual([
      `CUSTOMER_ADMIN:${a.principal.subject}`,
      `${DEMO_ENGINEER.role}:${DEMO_ENGINEER.subject}`,
    ]);

    // At rest the bytes are encrypted.
    const { files } = await stored();
    expect(files).toHaveLength(1);
    expect((await readFile(files[0])).includes(NETWORK_DIAGRAM.subarray(16, 400))).toBe(false);
  });

  it('another customer cannot fetch it: its case and files answer as unknown, and the download link answers 404', async () => {
    const { incident } = await graphqlData<{ incident: { attachments: { downloadUrl: string }[] } }>(a.admin, ATTACHMENTS, {
      id: a.incidentId,
    });
    const other = await graphqlRequest<{ incident: unknown }>(b.admin, ATTACHMENTS, { id: a.incidentId });
    expect(other.data?.incident ?? null).toBeNull();
    const stolen = await get(b.admin, incident.attachments[0].downloadUrl);
    expect(stolen.status).toBe(404);
    expect(await stolen.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('another customer cannot request an upload on the case (NOT_FOUND), and nothing is stored', async () => {
    const before = await stored();
    expect(codes(await requestUpload(b.admin, { incidentId: a.incidentId }))).toEqual(['NOT_FOUND']);
    // A link for B's own case, sent with A's identity, writes nothing either.
    const link = await uploadLink(b.admin, { incidentId: b.incidentId });
    expect((await put(a.admin, link.uploadUrl, NETWORK_DIAGRAM)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('an oversized file is BAD_USER_INPUT, more bytes than declared 413, a content type mismatch BAD_USER_INPUT, an unknown case NOT_FOUND; nothing is stored', async () => {
    const before = await stored();
    const oversized = await requestUpload(a.admin, { size: 25 * 1024 * 1024 + 1 });
    expect(oversized.errors?.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([['BAD_USER_INPUT', 'size']]);

    const small = await uploadLink(a.admin, { size: 1_000 });
    const tooMany = await put(a.admin, small.uploadUrl, NETWORK_DIAGRAM);
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });

    const config = Buffer.from('hostname core-sw-01\nsnmp-server location London\n');
    const mismatch = await uploadLink(a.admin, {
      fileName: 'core-sw-01.pdf',
      contentType: 'application/pdf',
      size: config.length,
      kind: 'CONFIGURATION',
    });
    const refused = await put(a.admin, mismatch.uploadUrl, config, 'application/pdf');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'contentType' } }] });

    expect(codes(await requestUpload(a.admin, { incidentId: randomUUID() }))).toEqual(['NOT_FOUND']);
    expect(await stored()).toEqual(before);
  });

  it('a tampered or expired upload link is refused; nothing is stored', async () => {
    const before = await stored();
    const link = await uploadLink(a.admin);
    const [payload, signature] = link.uploadUrl.slice('/files/uploads/'.length).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const encode = (value: Record<string, unknown>) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tampered = `/files/uploads/${encode({ ...claims, size: 1_000 })}.${signature}`;
    expect((await put(a.admin, tampered, NETWORK_DIAGRAM.subarray(0, 1_000))).status).toBe(403);
    // A link whose time is up, signed with the deployment's own secret.
    const expiredPayload = encode({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 });
    const expiredSignature = createHmac('sha256', LINK_SECRET).update(`polyplus-attachment-link.v1.${expiredPayload}`).digest('base64url');
    const expired = await put(a.admin, `/files/uploads/${expiredPayload}.${expiredSignature}`, NETWORK_DIAGRAM);
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    // The same link, unexpired, is accepted: the refusals above were about the link alone.
    expect((await put(a.admin, link.uploadUrl, NETWORK_DIAGRAM)).status).toBe(201);
    expect((await stored()).rows).toBe(before.rows + 1);
  });

  it('file transfers need a bearer token; partner systems do not read case files', async () => {
    const link = await uploadLink(a.admin);
    expect(
      (await fetch(new URL(link.uploadUrl, origin), { method: 'PUT', body: NETWORK_DIAGRAM, headers: { 'content-type': 'image/png' } }))
        .status,
    ).toBe(401);
    const [partner] = customerSidePrincipals(a).filter((principal) => principal.role === 'PARTNER');
    const result = await graphqlRequest(await stack.as(partner), ATTACHMENTS, { id: a.incidentId });
    expect(codes(result)).toContain('FORBIDDEN');
  });

  it('comments: the customer and support talk on the case; another customer cannot comment on it', async () => {
    const add = (as: GatewayAs, incidentId: string, body: string) =>
      graphqlRequest<{ addIncidentComment: { author: string } }>(
        as,
        'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { author } }',
        { input: { incidentId, body } },
      );
    expect((await add(a.admin, a.incidentId, 'Network diagram uploaded.')).data?.addIncidentComment.author).toBe(
      `CUSTOMER_ADMIN:${a.principal.subject}`,
    );
    expect((await add(stack.gateway, a.incidentId, 'Thanks, looking at it.')).data?.addIncidentComment.author).toMatch(
      /^SUPPORT_ENGINEER:/,
    );
    expect(codes(await add(b.admin, a.incidentId, 'Hello?'))).toEqual(['NOT_FOUND']);
    const { incident } = await graphqlData<{ incident: { comments: { body: string }[] } }>(
      a.admin,
      'query ($id: ID!) { incident(id: $id) { comments { body } } }',
      { id: a.incidentId },
    );
    expect(incident.comments.map((comment) => comment.body)).toEqual(['Network diagram uploaded.', 'Thanks, looking at it.']);
  });
});
