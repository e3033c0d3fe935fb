export type MailConfig = {
  /** Where mail is sent: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string;
  /** The From of every mail: `"Poly+ Support" <support@example.com>`. */
  from: string;
  /** Domain of the bounce address (`bounces+<token>@<domain>`) and of generated Message-IDs. */
  domain: string;
  /** Public base URL of the unsubscribe page, e.g. `https://mail.example.com`; null: the page's own address. */
  publicBaseUrl: string | null;
  /** Signs unsubscribe links and bounce addresses (32+ characters in production). */
  linkSecret: string;
  /** The address designated contacts send serial lists to (`serials@<domain>` by default). */
  serialListAddress: string;
  receiver: {
    /** Off in processes that only send. */
    enabled: boolean;
    host: string;
    port: number;
    /** Largest message accepted, headers and attachments included. */
    maxMessageBytes: number;
    /** Largest single CSV or XLSX attachment read. */
    maxAttachmentBytes: number;
    /** `Authentication-Results` headers are trusted only from this authserv-id (the upstream MTA). */
    authservId: string | null;
    /** Development only: a copy of each received message is written here as `.eml`. */
    archiveDir: string | null;
  };
  /** Mail send attempts before a delivery is FAILED, and the first retry delay (doubling). */
  maxAttempts: number;
  retryBaseMs: number;
  /** Local hour (0-23) a daily digest is sent unless a contact chose another. */
  digestHour: number;
  /** How often due digests are looked for. */
  digestSweepMs: number;
  /** Per SMTP attempt: connect, greeting and the whole transaction. */
  sendTimeoutMs: number;
  /** Port of the public page serving unsubscribe links (0 picks a free one). */
  linksPort: number;
  linksHost: string;
};

// Outside production every process signs and checks links with the same default, like the auth keys.
const DEVELOPMENT_LINK_SECRET = 'development-only-mail-link-secret-polyplus';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string, protocols: string[]): string {
  const raw = env[name] || fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be a URL (${protocols.join(' or ')})`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) throw new Error(`${name} must use ${protocols.join(' or ')}, not ${parsed.protocol}`);
  return raw;
}

/**
 * The notifications service's mail settings, read once at start; a bad value names its variable.
 * `SMTP_URL`, `MAIL_FROM`, `MAIL_DOMAIN`, `MAIL_PUBLIC_URL`, `MAIL_LINK_SECRET`, `MAIL_SERIALS_ADDRESS`,
 * `MAIL_RECEIVER` (`on`/`off`), `MAIL_RECEIVER_HOST`, `MAIL_RECEIVER_PORT`, `MAIL_MAX_MESSAGE_BYTES`,
 * `MAIL_MAX_ATTACHMENT_BYTES`, `MAIL_AUTHSERV_ID`, `MAIL_ARCHIVE_DIR`, `MAIL_MAX_ATTEMPTS`,
 * `MAIL_RETRY_BASE_MS`, `MAIL_DIGEST_HOUR`, `MAIL_DIGEST_SWEEP_MS`, `MAIL_SEND_TIMEOUT_MS`,
 * `MAIL_LINKS_PORT`, `MAIL_LINKS_HOST`.
 */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const production = env.NODE_ENV === 'production';
  const domain = (env.MAIL_DOMAIN || 'polyplus.test').trim().toLowerCase();
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(domain)) throw new Error('MAIL_DOMAIN must be a domain name');
  const linkSecret = env.MAIL_LINK_SECRET || (production ? '' : DEVELOPMENT_LINK_SECRET);
  if (linkSecret.length < 32) throw new Error('MAIL_LINK_SECRET must be set to 32 or more characters');
  if (production && !env.SMTP_URL) throw new Error('SMTP_URL must be set in production');
  if (production && env.MAIL_ARCHIVE_DIR) throw new Error('MAIL_ARCHIVE_DIR is for development and must not be set in production');
  const linksPort = integer(env, 'MAIL_LINKS_PORT', 4016, 0, 65535);
  const linksHost = env.MAIL_LINKS_HOST || env.HOST || '127.0.0.1';
  const serialListAddress = (env.MAIL_SERIALS_ADDRESS || `serials@${domain}`).trim().toLowerCase();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(serialListAddress)) throw new Error('MAIL_SERIALS_ADDRESS must be an e-mail address');
  return {
    smtpUrl: url(env, 'SMTP_URL', 'smtp://127.0.0.1:2525', ['smtp', 'smtps']),
    from: env.MAIL_FROM || `"Poly+ Support" <support@${domain}>`,
    domain,
    publicBaseUrl: env.MAIL_PUBLIC_URL ? url(env, 'MAIL_PUBLIC_URL', '', ['http', 'https']).replace(/\/+$/, '') : null,
    linkSecret,
    serialListAddress,
    receiver: {
      enabled: (env.MAIL_RECEIVER ?? 'on') !== 'off',
      host: env.MAIL_RECEIVER_HOST || env.HOST || '127.0.0.1',
      port: integer(env, 'MAIL_RECEIVER_PORT', 2526, 0, 65535),
      maxMessageBytes: integer(env, 'MAIL_MAX_MESSAGE_BYTES', 10 * 1024 * 1024, 1024, 50 * 1024 * 1024),
      maxAttachmentBytes: integer(env, 'MAIL_MAX_ATTACHMENT_BYTES', 2 * 1024 * 1024, 1024, 20 * 1024 * 1024),
      authservId: env.MAIL_AUTHSERV_ID?.trim() || null,
      archiveDir: env.MAIL_ARCHIVE_DIR || null,
    },
    maxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 8, 1, 50),
    retryBaseMs: integer(env, 'MAIL_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    digestHour: integer(env, 'MAIL_DIGEST_HOUR', 8, 0, 23),
    digestSweepMs: integer(env, 'MAIL_DIGEST_SWEEP_MS', 5 * 60_000, 100, 24 * 3_600_000),
    sendTimeoutMs: integer(env, 'MAIL_SEND_TIMEOUT_MS', 30_000, 500, 600_000),
    linksPort,
    linksHost,
  };
}
