export type AttachmentConfig = {
  /** The largest file a case accepts, in bytes. */
  maxBytes: number;
  /** How long an upload or download link stays valid. */
  linkTtlSeconds: number;
  /** HMAC secrets for the links: the first signs, all verify. */
  linkSecrets: string[];
  /**
   * Prepended to the links' paths (`/files/uploads/…`, `/files/downloads/…`): the origin clients
   * reach the gateway at. Empty: links are paths on the gateway's own origin.
   */
  publicBaseUrl: string;
};

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;
const MAX_MAX_BYTES = 1024 * 1024 * 1024;
const DEV_LINK_SECRET = 'polyplus-development-attachment-link-secret-not-for-production';

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Reads `ATTACHMENT_MAX_BYTES` (default 25 MiB), `ATTACHMENT_LINK_TTL_SECONDS` (default 300),
 * `ATTACHMENT_LINK_SECRETS` (comma-separated, 32+ characters each; required in production) and
 * `FILES_PUBLIC_URL`.
 */
export function attachmentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentConfig {
  const production = env.NODE_ENV === 'production';
  if (production && !env.ATTACHMENT_LINK_SECRETS) throw new Error('ATTACHMENT_LINK_SECRETS must be set in production');
  const linkSecrets = (env.ATTACHMENT_LINK_SECRETS || DEV_LINK_SECRET).split(',').map((secret) => secret.trim()).filter(Boolean);
  if (linkSecrets.length === 0 || linkSecrets.some((secret) => secret.length < 32)) throw new Error('ATTACHMENT_LINK_SECRETS entries need 32 characters or more');
  if (production && linkSecrets.includes(DEV_LINK_SECRET)) throw new Error('ATTACHMENT_LINK_SECRETS holds the development secret, which production refuses');
  const publicBaseUrl = (env.FILES_PUBLIC_URL ?? '').replace(/\/+$/, '');
  if (publicBaseUrl && !/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(publicBaseUrl)) throw new Error('FILES_PUBLIC_URL must be an http(s) URL without query or fragment');
  return {
    maxBytes: integer('ATTACHMENT_MAX_BYTES', env.ATTACHMENT_MAX_BYTES, DEFAULT_MAX_BYTES, 1, MAX_MAX_BYTES),
    linkTtlSeconds: integer('ATTACHMENT_LINK_TTL_SECONDS', env.ATTACHMENT_LINK_TTL_SECONDS, 300, 10, 3600),
    linkSecrets,
    publicBaseUrl,
  };
}
