import { RouteState } from './route-state';

/** For each visit, the k nearest other visits by travel time (row-major n × k). */
export function nearestNeighbours(s: RouteState, k: number): Int32Array {
  const n = s.n;
  const out = new Int32Array(n * k);
  const bestDist = new Float64Array(k);
  const best = new Int32Array(k);
  for (let u = 0; u < n; u++) {
    let size = 0;
    for (let v = 0; v < n; v++) {
      if (v === u) continue;
      // Symmetrised so the lists suit asymmetric matrices too.
      const d = s.d(u, v) + s.d(v, u);
      if (size === k && d >= bestDist[k - 1]) continue;
      // Insertion into a short sorted buffer: O(n·k) worst case but mostly one comparison.
      let i = size < k ? size++ : k - 1;
      while (i > 0 && bestDist[i - 1] > d) {
        bestDist[i] = bestDist[i - 1];
        best[i] = best[i - 1];
        i--;
      }
      bestDist[i] = d;
      best[i] = v;
    }
    out.set(best.subarray(0, k), u * k);
  }
  return out;
}
