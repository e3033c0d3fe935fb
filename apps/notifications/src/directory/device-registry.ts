import { authConfig, servicePrincipal, signPrincipal } from '@polyplus/auth';
import { serviceUnavailable } from '@polyplus/subgraph-kit';

/** A row the devices subgraph refused (its `extensions.rows` entries). */
export type RefusedRow = { row: number; serialNumber: string; field: string; problem: string; message: string };

export type ImportOutcome =
  | { outcome: 'REGISTERED'; devices: { serialNumber: string; productModel: string }[] }
  | { outcome: 'REFUSED'; message: string; rows: RefusedRow[] };

const IMPORT = `mutation ImportSerialList($input: ImportSerialListInput!) {
  importSerialList(input: $input) { registeredCount devices { serialNumber productModel } }
}`;

type Reply = {
  data?: { importSerialList: { devices: { serialNumber: string; productModel: string }[] } } | null;
  errors?: { message: string; extensions?: { code?: string; rows?: RefusedRow[] } }[];
};

/**
 * The devices subgraph's all-or-nothing `importSerialList`, the one the API offers: every line is
 * registered, or none and each refused row comes back. A refusal is an answer (the reply lists the
 * rows); an unreachable or failing service throws, so the sender's MTA retries later.
 * Called directly rather than through the shared subgraph client, which keeps only the error code.
 */
export class DeviceRegistry {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 30_000,
    private readonly caller = process.env.SERVICE_NAME ?? 'notifications',
  ) {}

  async importSerialList(customerId: string, siteId: string, lines: string[]): Promise<ImportOutcome> {
    const [secret] = authConfig().principalSecrets;
    let reply: Reply;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signPrincipal(servicePrincipal(this.caller), secret) },
        body: JSON.stringify({ query: IMPORT, variables: { input: { customerId, siteId, lines } } }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      reply = (await response.json()) as Reply;
    } catch {
      throw serviceUnavailable('The devices service cannot be reached');
    }
    const [error] = reply.errors ?? [];
    if (!error && reply.data) return { outcome: 'REGISTERED', devices: reply.data.importSerialList.devices };
    const code = error?.extensions?.code;
    if (code === 'BAD_USER_INPUT' || code === 'CONFLICT')
      return { outcome: 'REFUSED', message: error.message, rows: error.extensions?.rows ?? [] };
    throw serviceUnavailable(`The devices service could not register the list (${code ?? 'no data'})`);
  }
}
