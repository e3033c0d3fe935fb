// Where a V8 CPU profile spent its samples, by package or product folder, largest
// first, as shares of the busy samples (idle left out). Time in Node's own modules and native code counts
// for the nearest caller that is a package or product folder: a socket write belongs to whoever wrote.
import { readFileSync } from 'node:fs';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string }; hitCount?: number; children?: number[] };
type CpuProfile = { nodes: ProfileNode[] };

/** A package under node_modules, a product folder (apps/x/src/y, libs/x), or V8's own bookkeeping. */
export function partOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const product = /\/((?:apps\/[^/]+\/src|libs\/[^/]+\/src)\/[^/]+)/.exec(url);
  if (product) return product[1].replace(/\.[jt]s$/, '');
  return url.startsWith('node:') ? `node:${url.slice(5).split('/')[0]}` : url;
}

export function summariseProfile(path: string, shown = 20): string[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const parentOf = new Map<number, ProfileNode>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const attributed = (node: ProfileNode): string => {
    for (let at: ProfileNode | undefined = node; at; at = parentOf.get(at.id)) {
      const part = partOf(at.callFrame);
      if (!part.startsWith('node:') && part !== '(native)') return part;
    }
    return partOf(node.callFrame);
  };
  const samples = new Map<string, number>();
  for (const node of byId.values()) {
    const part = attributed(node);
    samples.set(part, (samples.get(part) ?? 0) + (node.hitCount ?? 0));
  }
  samples.delete('(idle)');
  const busy = [...samples.values()].reduce((sum, count) => sum + count, 0);
  return [...samples.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, shown)
    .map(([part, count]) => `${((100 * count) / busy).toFixed(1).padStart(5)} %  ${part}`);
}
