import type { TlsOptions } from 'node:tls';
import { pemFile } from '@polyplus/config';

/** What a service's own listener needs to serve HTTPS, and to demand client certificates (mutual TLS). */
export type ServerTls = Pick<TlsOptions, 'cert' | 'key' | 'ca' | 'requestCert' | 'rejectUnauthorized' | 'minVersion'>;

/**
 * HTTPS for a service's listener: `TLS_CERT_FILE` and `TLS_KEY_FILE` (PEM); with
 * `TLS_CLIENT_CA_FILE` every client must present a certificate that CA signed (the gateway's, for a
 * subgraph), and a client without one is refused during the handshake. Undefined: plain HTTP.
 */
export function serverTlsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerTls | undefined {
  const cert = pemFile('TLS_CERT_FILE', env);
  const key = pemFile('TLS_KEY_FILE', env);
  const clientCa = pemFile('TLS_CLIENT_CA_FILE', env);
  if (Boolean(cert) !== Boolean(key)) throw new Error('TLS_CERT_FILE and TLS_KEY_FILE go together');
  if (!cert) {
    if (clientCa)
      throw new Error('TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE: client certificates are asked for over HTTPS only');
    return undefined;
  }
  return { cert, key, minVersion: 'TLSv1.2', ...(clientCa ? { ca: clientCa, requestCert: true, rejectUnauthorized: true } : {}) };
}
