/** SPF, DKIM and DMARC verdicts as the upstream MTA recorded them (`none` when it said nothing). */
export type AuthenticationVerdicts = { spf: string; dkim: string; dmarc: string };

const NONE: AuthenticationVerdicts = { spf: 'none', dkim: 'none', dmarc: 'none' };

function verdict(resinfo: string, method: 'spf' | 'dkim' | 'dmarc'): string | null {
  const match = new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]+)`, 'i').exec(resinfo);
  return match ? match[1].toLowerCase().slice(0, 16) : null;
}

/**
 * Reads RFC 8601 `Authentication-Results` headers. Only a header stamped by our own MTA counts
 * (its authserv-id, `MAIL_AUTHSERV_ID`): a sender can write any such header into its own mail.
 * Without a configured id (development) the topmost header, the one added last, is read.
 * DKIM may have several results; one pass is a pass.
 */
export function authenticationVerdicts(headers: string[], authservId: string | null): AuthenticationVerdicts {
  const candidates = headers
    .map((header) =>
      header
        .replace(/\r?\n[ \t]+/g, ' ')
        .replace(/\([^)]*\)/g, ' ')
        .trim(),
    )
    .filter((header) => header !== '');
  const trusted = authservId
    ? candidates.find((header) => header.split(';')[0].trim().split(/\s+/)[0].toLowerCase() === authservId.toLowerCase())
    : candidates[0];
  if (!trusted) return NONE;
  const results = trusted.split(';').slice(1).join(';');
  const dkims = [...results.matchAll(/(?:^|[;\s])dkim\s*=\s*([a-z]+)/gi)].map((match) => match[1].toLowerCase());
  return {
    spf: verdict(results, 'spf') ?? 'none',
    dkim: dkims.includes('pass') ? 'pass' : (dkims[0] ?? 'none').slice(0, 16),
    dmarc: verdict(results, 'dmarc') ?? 'none',
  };
}

/**
 * A sender we cannot believe: DMARC failed, or (without DMARC) SPF failed and no DKIM signature
 * passed. Mail with no verdicts at all is accepted (an MTA that does not check), and recorded so.
 */
export function failsAuthentication(verdicts: AuthenticationVerdicts): boolean {
  if (verdicts.dmarc === 'fail') return true;
  return verdicts.dmarc === 'none' && verdicts.spf === 'fail' && verdicts.dkim !== 'pass';
}
