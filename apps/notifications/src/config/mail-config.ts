import { mailGroup, readConfig, runtimeGroup } from '@polyplus/config';

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

/**
 * The mail settings of the notifications schema (`SMTP_URL`, `MAIL_*`: docs/configuration.md),
 * validated there; what is derived from others (the From, the serial-list address, the hosts) here.
 * @throws ConfigError naming the variable.
 */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const config = readConfig(mailGroup, env);
  const domain = config.MAIL_DOMAIN.toLowerCase();
  const host = readConfig({ HOST: runtimeGroup.HOST }, env).HOST || '127.0.0.1';
  return {
    smtpUrl: config.SMTP_URL ?? 'smtp://127.0.0.1:2525',
    from: config.MAIL_FROM || `"Poly+ Support" <support@${domain}>`,
    domain,
    publicBaseUrl: config.MAIL_PUBLIC_URL ?? null,
    linkSecret: config.MAIL_LINK_SECRET,
    serialListAddress: (config.MAIL_SERIALS_ADDRESS ?? `serials@${domain}`).toLowerCase(),
    receiver: {
      enabled: config.MAIL_RECEIVER,
      host: config.MAIL_RECEIVER_HOST || host,
      port: config.MAIL_RECEIVER_PORT,
      maxMessageBytes: config.MAIL_MAX_MESSAGE_BYTES,
      maxAttachmentBytes: config.MAIL_MAX_ATTACHMENT_BYTES,
      authservId: config.MAIL_AUTHSERV_ID || null,
      archiveDir: config.MAIL_ARCHIVE_DIR || null,
    },
    maxAttempts: config.MAIL_MAX_ATTEMPTS,
    retryBaseMs: config.MAIL_RETRY_BASE_MS,
    digestHour: config.MAIL_DIGEST_HOUR,
    digestSweepMs: config.MAIL_DIGEST_SWEEP_MS,
    sendTimeoutMs: config.MAIL_SEND_TIMEOUT_MS,
    linksPort: config.MAIL_LINKS_PORT,
    linksHost: config.MAIL_LINKS_HOST || host,
  };
}
