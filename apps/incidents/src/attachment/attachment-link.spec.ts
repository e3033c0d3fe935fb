import { AttachmentLinks, type UploadClaims } from './attachment-link';

const SECRET = 'a-link-secret-of-at-least-thirty-two-characters';
const claims: Omit<UploadClaims, 'exp'> = {
  op: 'upload',
  attachmentId: 'a1',
  incidentId: 'i1',
  customerId: 'c1',
  actor: 'CUSTOMER_ADMIN:ann',
  fileName: 'core network.vsdx',
  contentType: 'application/vnd.ms-visio.drawing',
  size: 1234,
  kind: 'NETWORK_DIAGRAM',
};

describe('signed attachment links', () => {
  let now = new Date('2026-03-02T10:00:00Z');
  const links = new AttachmentLinks([SECRET], 300, () => now);

  it('a link carries its claims and expires after the configured time', () => {
    const { token, expiresAt } = links.sign<UploadClaims>(claims);
    expect(expiresAt).toEqual(new Date('2026-03-02T10:05:00Z'));
    expect(links.verify(token, 'upload')).toEqual({ ...claims, exp: expiresAt.getTime() / 1000 });
  });

  it('an expired link is refused', () => {
    const { token } = links.sign<UploadClaims>(claims);
    now = new Date('2026-03-02T10:05:00Z');
    expect(() => links.verify(token, 'upload')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
    now = new Date('2026-03-02T10:00:00Z');
  });

  it.each([
    ['a changed size', (token: string) => reencode(token, { size: 99_999_999 })],
    ['another customer', (token: string) => reencode(token, { customerId: 'c2' })],
    ['a later expiry', (token: string) => reencode(token, { exp: 4_102_444_800 })],
    ['a truncated signature', (token: string) => token.slice(0, -2)],
    ['no signature', (token: string) => token.split('.')[0]],
    ['garbage', () => 'not-a-link'],
    ['an extra part', (token: string) => `${token}.x`],
  ])('a tampered link is refused: %s', (_case, tamper) => {
    const { token } = links.sign<UploadClaims>(claims);
    expect(() => links.verify(tamper(token), 'upload')).toThrow(expect.objectContaining({ extensions: { code: 'FORBIDDEN' } }));
  });

  it('an upload link is not a download link, and a link signed with another secret is refused', () => {
    const { token } = links.sign<UploadClaims>(claims);
    expect(() => links.verify(token, 'download')).toThrow('invalid or has expired');
    const other = new AttachmentLinks(['another-secret-of-at-least-thirty-two-chars!'], 300, () => now);
    expect(() => other.verify(token, 'upload')).toThrow('invalid or has expired');
  });

  it('during a rotation, links signed with the previous secret stay valid', () => {
    const { token } = links.sign<UploadClaims>(claims);
    const rotated = new AttachmentLinks(['the-new-secret-of-at-least-thirty-two-characters', SECRET], 300, () => now);
    expect(rotated.verify(token, 'upload').attachmentId).toBe('a1');
  });
});

function reencode(token: string, change: Record<string, unknown>): string {
  const [payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
}
