import type { Env } from './read-config';
import { SERVICE_SCHEMAS } from './services';

/**
 * Fresh values for every secret production refuses to default, for a stack started with
 * `NODE_ENV=production` on this machine (tests, benchmarks): each entry of any service's schema
 * that can generate its value. A secret production starts to require is added to its schema, and
 * appears here with it.
 */
export function productionSecrets(label = 'run'): Env {
  const secrets: Record<string, string> = {};
  for (const schema of SERVICE_SCHEMAS) {
    for (const [name, entry] of Object.entries(schema.entries)) {
      if (entry.generate && secrets[name] === undefined) secrets[name] = entry.generate(label);
    }
  }
  return secrets;
}
