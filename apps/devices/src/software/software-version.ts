/** Dotted numeric versions as Poly publishes them: 10.1.2, 4.1.3.123456. */
export const VERSION_PATTERN = /^\d{1,6}(\.\d{1,9}){0,4}$/;

/** Orders versions numerically segment by segment (10.0 after 9.9; 1.2 equals 1.2.0). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** Service description: customers may download the latest release and the latest minus one. */
export function downloadableSet<T extends { version: string }>(releases: readonly T[]): T[] {
  return [...releases].sort((x, y) => compareVersions(y.version, x.version)).slice(0, 2);
}
