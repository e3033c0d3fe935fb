import { oneOf, text } from '../entries';
import type { Rule } from '../service-schema';

/** Encryption between services: the service's own listener, its calls to subgraphs, the policy. */
export const transportGroup = {
  TRANSPORT_SECURITY: oneOf({
    values: ['require', 'mesh', 'off'],
    caseInsensitive: true,
    defaultNote: 'require in production, off elsewhere',
    description: 'require: refuse to start with a plain connection off this host; mesh: the network encrypts; off (refused in production).',
  }),
  TLS_CERT_FILE: text({ form: 'a file path', description: 'PEM certificate of the service’s own HTTPS listener (with TLS_KEY_FILE).' }),
  TLS_KEY_FILE: text({ form: 'a file path', description: 'PEM key of the listener’s certificate.' }),
  TLS_CLIENT_CA_FILE: text({ form: 'a file path', description: 'PEM CA of the client certificates the listener demands (mutual TLS).' }),
  SUBGRAPH_CA_FILE: text({ form: 'a file path', description: 'PEM CA of the subgraphs’ certificates (https:// subgraph URLs).' }),
  SUBGRAPH_CLIENT_CERT_FILE: text({
    form: 'a file path',
    description: 'PEM client certificate presented to subgraphs (with SUBGRAPH_CLIENT_KEY_FILE).',
  }),
  SUBGRAPH_CLIENT_KEY_FILE: text({ form: 'a file path', description: 'PEM key of that client certificate.' }),
} as const;

export const transportRules: Rule<typeof transportGroup>[] = [
  (config, production) =>
    production && config.TRANSPORT_SECURITY === 'off'
      ? 'TRANSPORT_SECURITY="off" is refused in production; expected require, or mesh where the network encrypts'
      : undefined,
  (config) => (Boolean(config.TLS_CERT_FILE) !== Boolean(config.TLS_KEY_FILE) ? 'TLS_CERT_FILE and TLS_KEY_FILE go together' : undefined),
  (config) =>
    config.TLS_CLIENT_CA_FILE && !config.TLS_CERT_FILE
      ? 'TLS_CLIENT_CA_FILE needs TLS_CERT_FILE and TLS_KEY_FILE: client certificates are asked for over HTTPS only'
      : undefined,
  (config) =>
    Boolean(config.SUBGRAPH_CLIENT_CERT_FILE) !== Boolean(config.SUBGRAPH_CLIENT_KEY_FILE)
      ? 'SUBGRAPH_CLIENT_CERT_FILE and SUBGRAPH_CLIENT_KEY_FILE go together'
      : undefined,
];
