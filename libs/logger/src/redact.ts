import { stdSerializers } from 'pino';

export const REDACTED = '[REDACTED]';

// Field names whose values are credentials wherever they appear: HTTP headers (authorization,
// cookie, set-cookie, the gateway's signed principal and its signature, webhook signatures) and
// settings or payloads naming a password, secret, token or key.
const SENSITIVE_KEY = /authorization|cookie|passw|secret|token|key|signature|credential|^x-polyplus-principal$/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

// Credentials inside text, wherever a message, an error or a stack quotes them.
const TEXT_PATTERNS: readonly [RegExp, string][] = [
  // scheme://user:password@host (mysql://, redis://:password@, amqp://...): the password goes, the user stays.
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/?#@"'\\]*):[^\s/?#@"'\\]*@/gi, `$1$2:${REDACTED}@`],
  // scheme://token@host: a lone user part in a URL is commonly a token.
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s:/?#@"'\\]+@/gi, `$1${REDACTED}@`],
  // An authorization value quoted in text.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/g, `$1 ${REDACTED}`],
  // A JSON Web Token anywhere (header.payload.signature, base64url).
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
];

/** `text` with any credential it quotes (URL passwords, bearer and basic credentials, JWTs) replaced. */
export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

const MAX_DEPTH = 10;

/**
 * A copy of a log line's fields with every sensitive field's value replaced, at any depth; errors
 * become their serialised form (type, message, stack and own fields) so their fields are checked too.
 */
export function redactFields(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactFields(stdSerializers.err(value), depth, seen);
    if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1, seen));
    // Dates, buffers, URLs render themselves (toJSON) and carry no field names; a URL's password is
    // caught by the text redaction of the finished line.
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
    // fetch's Headers keeps its fields out of sight of JSON: check them one by one.
    const fields = isHeaders(value) ? Object.fromEntries(value.entries()) : value;
    return Object.fromEntries(
      Object.entries(fields).map(([key, item]) => [key, isSensitiveKey(key) ? REDACTED : redactFields(item, depth + 1, seen)]),
    );
  } finally {
    seen.delete(value);
  }
}

function isHeaders(value: object): value is Headers {
  return typeof Headers !== 'undefined' && value instanceof Headers;
}
