/** What a delivery status notification (RFC 3464) says about the recipient. */
export type BounceReport = { permanent: boolean; status: string; diagnostic: string };

/**
 * Reads the `message/delivery-status` part of a bounce: `Action: failed` with a 5.x.x `Status`
 * is permanent (a hard bounce); delays and 4.x.x are transient. Null when it is no status report.
 */
export function readBounceReport(deliveryStatus: string): BounceReport | null {
  const unfolded = deliveryStatus.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(unfolded)?.[1].trim() ?? null;
  const status = field('Status');
  const action = field('Action')?.toLowerCase() ?? null;
  if (!status && !action) return null;
  const diagnostic = field('Diagnostic-Code') ?? `${action ?? 'unknown'} ${status ?? ''}`.trim();
  return { permanent: action === 'failed' && /^5\./.test(status ?? ''), status: status ?? '', diagnostic: diagnostic.slice(0, 500) };
}
