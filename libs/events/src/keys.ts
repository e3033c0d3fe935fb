/**
 * The hash tag of a key (the part between the first `{` and the next `}`, when not empty): Redis
 * Cluster places keys by it, so keys with the same tag share a slot and may be used together in
 * one script or transaction. Undefined when the key has none (the whole key is hashed).
 */
export function hashTagOf(key: string): string | undefined {
  const open = key.indexOf('{');
  if (open < 0) return undefined;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : undefined;
}
