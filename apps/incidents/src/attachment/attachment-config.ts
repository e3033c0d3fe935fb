import { attachmentGroup, readConfig } from '@polyplus/config';

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

export const DEFAULT_MAX_BYTES = Number(attachmentGroup.ATTACHMENT_MAX_BYTES.defaultText);

/**
 * The attachment settings of the incidents schema (`ATTACHMENT_MAX_BYTES`, `ATTACHMENT_LINK_TTL_SECONDS`,
 * `ATTACHMENT_LINK_SECRETS`, `FILES_PUBLIC_URL`: docs/configuration.md), validated there.
 * @throws ConfigError naming the variable.
 */
export function attachmentConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AttachmentConfig {
  const config = readConfig(attachmentGroup, env);
  return {
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    linkTtlSeconds: config.ATTACHMENT_LINK_TTL_SECONDS,
    linkSecrets: config.ATTACHMENT_LINK_SECRETS,
    publicBaseUrl: config.FILES_PUBLIC_URL ?? '',
  };
}
