/** Label values Prometheus keeps a series for: short, plain, and few. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Keeps a label's values bounded when callers choose them (operation names come from clients):
 * the first `limit` plain values are kept as given, anything else is `other`. Ids never reach a
 * label this way unless a caller names an operation after one, and then only `limit` of them.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  value(raw: string): string {
    if (!PLAIN.test(raw)) return 'other';
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

/**
 * The gateway names the operations it sends a subgraph `<Operation>__<subgraph>__<n>`: counted
 * under the client's operation, so a subgraph's series line up with the gateway's.
 */
export function clientOperationName(name: string): string {
  return name.replace(/__[a-z0-9_-]+__\d+$/i, '');
}
