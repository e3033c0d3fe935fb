import { randomBytes } from 'node:crypto';
import { duration, integer, onOff, port, text, url } from '../entries';

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** The notifications service's mail: sending, receiving serial lists, links, digests. */
export const mailGroup = {
  SMTP_URL: url({
    protocols: ['smtp', 'smtps'],
    requiredInProduction: true,
    defaultNote: 'smtp://127.0.0.1:2525 outside production',
    description: 'The SMTP server mail is sent through.',
  }),
  MAIL_DOMAIN: text({
    pattern: DOMAIN,
    form: 'a domain name',
    default: 'polyplus.test',
    description: 'The product’s mail domain (sender and serial-list addresses).',
  }),
  MAIL_FROM: text({ defaultNote: '"Poly+ Support" <support@MAIL_DOMAIN>', description: 'The From header of outgoing mail.' }),
  MAIL_PUBLIC_URL: url({
    protocols: ['http', 'https'],
    trimSlash: true,
    defaultNote: 'none: links are to the links server',
    description: 'The origin unsubscribe links in mail point at.',
  }),
  MAIL_LINK_SECRET: text({
    pattern: /^.{32,}$/,
    form: 'a secret of 32 characters or more',
    secret: true,
    requiredInProduction: true,
    developmentDefault: 'development-only-mail-link-secret-polyplus',
    generate: () => randomBytes(32).toString('hex'),
    description: 'HMAC secret of unsubscribe links.',
  }),
  MAIL_SERIALS_ADDRESS: text({
    pattern: /^[^\s@<>]+@[^\s@<>]+$/,
    form: 'an e-mail address',
    defaultNote: 'serials@MAIL_DOMAIN',
    description: 'The address customers send serial-number lists to.',
  }),
  MAIL_RECEIVER: onOff({ default: 'on', description: 'Receiving serial lists over SMTP.' }),
  MAIL_RECEIVER_HOST: text({ defaultNote: 'HOST', description: 'The interface the SMTP receiver listens on.' }),
  MAIL_RECEIVER_PORT: port({ default: 2526, description: 'The SMTP receiver’s port.' }),
  MAIL_MAX_MESSAGE_BYTES: integer({
    min: 1024,
    max: 50 * 1024 * 1024,
    unit: 'bytes',
    default: 10 * 1024 * 1024,
    description: 'The largest message received.',
  }),
  MAIL_MAX_ATTACHMENT_BYTES: integer({
    min: 1024,
    max: 20 * 1024 * 1024,
    unit: 'bytes',
    default: 2 * 1024 * 1024,
    description: 'The largest serial-list attachment read.',
  }),
  MAIL_AUTHSERV_ID: text({ description: 'The authserv-id whose Authentication-Results header is believed.', defaultNote: 'none' }),
  MAIL_ARCHIVE_DIR: text({
    form: 'a directory path',
    refusedInProduction: 'received mail is archived in development only',
    description: 'Development: a copy of every received message is filed here.',
  }),
  MAIL_MAX_ATTEMPTS: integer({ min: 1, max: 50, default: 8, description: 'Attempts to send one mail.' }),
  MAIL_RETRY_BASE_MS: integer({
    min: 10,
    max: 3_600_000,
    unit: 'milliseconds',
    default: 30_000,
    description: 'First retry delay of a failed send.',
  }),
  MAIL_DIGEST_HOUR: integer({
    min: 0,
    max: 23,
    unit: 'hour of the day, local to the contact',
    default: 8,
    description: 'When daily digests go out.',
  }),
  MAIL_DIGEST_SWEEP_MS: integer({
    min: 100,
    max: 24 * 3_600_000,
    unit: 'milliseconds',
    default: 300_000,
    description: 'How often due digests are looked for.',
  }),
  MAIL_SEND_TIMEOUT_MS: integer({
    min: 500,
    max: 600_000,
    unit: 'milliseconds',
    default: 30_000,
    description: 'Timeout of one SMTP send.',
  }),
  MAIL_LINKS_PORT: port({ default: 4016, description: 'The port of the unsubscribe links server.' }),
  MAIL_LINKS_HOST: text({ defaultNote: 'HOST', description: 'The interface the links server listens on.' }),
} as const;

/** The scheduler's worker: BullMQ lock, stalled check, optimiser budget, health port. */
export const schedulerGroup = {
  SCHEDULER_LOCK_MS: duration({
    unit: 'ms',
    defaultNote: 'BullMQ’s (30000)',
    description: 'How long a job’s lock lasts before it counts as stalled.',
  }),
  SCHEDULER_STALLED_INTERVAL_MS: duration({
    unit: 'ms',
    defaultNote: 'BullMQ’s (30000)',
    description: 'How often stalled jobs are looked for.',
  }),
  SCHEDULER_OPTIMISER_MS: duration({
    unit: 'ms',
    defaultNote: 'the optimiser’s own budget',
    description: 'Time budget of one plan optimisation.',
  }),
  SCHEDULER_HEALTH_PORT: port({ defaultNote: 'none: no /health', description: 'The port of the scheduler’s /health.' }),
} as const;

/** Return deadlines of advance replacements. */
export const logisticsGroup = {
  RETURN_DEADLINE_REARM_MS: duration({
    unit: 'ms',
    default: 600_000,
    description: 'How often return-deadline timers lost with Redis are re-armed from the database.',
  }),
} as const;
