import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { duration, integer, json, list, positiveNumber, secretList, text, url } from '../entries';

const thresholds = (severity: number) => z.array(z.number().int().min(0), `needs a list of whole minutes for severity ${severity}`);
const MINUTES_BY_SEVERITY = z.object({ '1': thresholds(1), '2': thresholds(2), '3': thresholds(3) }, 'an object of severity → minutes');
// Severity → business minutes, some severities only; whether they are whole and ordered is the calendar's rule.
const TARGETS_BY_SEVERITY = z.record(z.string(), z.unknown(), 'an object of severity → minutes').superRefine((targets, context) => {
  const unknown = Object.keys(targets).find((key) => !['1', '2', '3'].includes(key));
  if (unknown !== undefined) context.addIssue({ code: 'custom', message: `names severity ${unknown}; severities are 1, 2 and 3` });
});
// `none`, or KIND=days pairs; empty items between commas are skipped, as the reader skips them.
const RETENTION_PAIR = /^(?:none|[\s,]*[A-Z_]+\s*=\s*\d+(?:[\s,]+[A-Z_]+\s*=\s*\d+)*[\s,]*)$/i;

/** Case attachments: size, links, retention. */
export const attachmentGroup = {
  ATTACHMENT_MAX_BYTES: integer({
    min: 1,
    max: 1024 * 1024 * 1024,
    unit: 'bytes',
    default: 25 * 1024 * 1024,
    description: 'The largest file a case accepts.',
  }),
  ATTACHMENT_LINK_TTL_SECONDS: integer({
    min: 10,
    max: 3600,
    unit: 'seconds',
    default: 300,
    description: 'How long an upload or download link stays valid.',
  }),
  ATTACHMENT_LINK_SECRETS: secretList({
    minLength: 32,
    developmentDefault: 'polyplus-development-attachment-link-secret-not-for-production',
    generate: () => randomBytes(32).toString('hex'),
    description: 'HMAC secrets of upload and download links.',
  }),
  ATTACHMENT_RETENTION_DAYS: text({
    pattern: RETENTION_PAIR,
    form: 'none, or comma-separated KIND=days (e.g. CDR=30,CONFIGURATION=365)',
    defaultNote: 'CDR=90',
    description: 'Days after its case closed that a file of each kind is kept; kinds not named are kept as long as the case.',
  }),
  ATTACHMENT_RETENTION_SWEEP_MINUTES: duration({
    unit: 'minutes',
    fractional: true,
    min: 0.001,
    default: 60,
    description: 'How often expired files are purged (one replica at a time).',
  }),
  FILES_PUBLIC_URL: url({
    protocols: ['http', 'https'],
    bare: true,
    trimSlash: true,
    defaultNote: 'none: links are paths on the gateway’s origin',
    description: 'The origin (and path) clients reach the gateway’s /files/ at, prepended to file links.',
  }),
} as const;

/** Partner webhooks: delivery, retries, secrets. */
export const webhookGroup = {
  WEBHOOK_MAX_ATTEMPTS: positiveNumber({ unit: 'attempts', default: 10, description: 'Attempts per delivery before it fails.' }),
  WEBHOOK_RETRY_BASE_MS: positiveNumber({
    unit: 'milliseconds',
    default: 10_000,
    description: 'First retry delay, growing exponentially with jitter.',
  }),
  WEBHOOK_RETRY_MAX_MS: positiveNumber({ unit: 'milliseconds', default: 10_800_000, description: 'Longest retry delay.' }),
  WEBHOOK_TIMEOUT_MS: positiveNumber({
    unit: 'milliseconds',
    default: 10_000,
    description: 'Per attempt: connect, send and receive the status line.',
  }),
  WEBHOOK_DISABLE_AFTER_FAILURES: positiveNumber({
    unit: 'deliveries',
    default: 5,
    description: 'Consecutive failed deliveries before the endpoint is disabled.',
  }),
  WEBHOOK_SECRET_OVERLAP_HOURS: positiveNumber({
    unit: 'hours',
    default: 24,
    description: 'How long the previous secret keeps signing after a rotation.',
  }),
  WEBHOOK_RESEAL_MINUTES: positiveNumber({
    unit: 'minutes',
    default: 60,
    description: 'How often stored secrets are re-sealed with the current key.',
  }),
  WEBHOOK_ALLOW_PRIVATE_HOSTS: list({
    form: 'comma-separated host names or addresses',
    defaultNote: 'none',
    description: 'Private or loopback hosts webhooks may be sent to anyway (tests, local demo); refused in production.',
  }),
} as const;

/** Support cases: escalation and resolution clocks. */
export const caseGroup = {
  INCIDENTS_ESCALATION_MINUTES: json({
    shape: MINUTES_BY_SEVERITY,
    form: 'JSON {"1":[30,240],"2":[60,570],"3":[120,1710]}: business minutes per severity',
    defaultNote: '{"1":[30,240],"2":[60,570],"3":[120,1710]}',
    description: 'Escalation thresholds: the first runs until the first response, later ones until the case is resolved.',
  }),
  INCIDENTS_RESOLUTION_TARGET_MINUTES: json({
    shape: TARGETS_BY_SEVERITY,
    form: 'JSON {"1":240,"2":570,"3":1710}: business minutes per severity to override, S1 ≤ S2 ≤ S3',
    defaultNote: '{"1":240,"2":570,"3":1710}',
    description: 'Resolution targets per severity.',
  }),
  INCIDENTS_CONTACTED_AT_MAX_AGE_MINUTES: integer({
    min: 1,
    unit: 'minutes',
    default: 24 * 60,
    description: 'The oldest contact staff may log a case for.',
  }),
  ESCALATION_REARM_MS: duration({
    unit: 'ms',
    default: 600_000,
    description: 'How often escalation timers lost with Redis are re-armed from the database.',
  }),
} as const;
