import type { ConfigOf, Entry, Group } from './entry';

/** A configuration value that cannot be used: `message` is one line naming the variable, the problem and the expected form. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export function isProduction(env: Env): boolean {
  return env.NODE_ENV === 'production';
}

/** How a value appears in an error: quoted, or only its length when it is a secret. */
function shown(name: string, raw: string, entry: Entry<unknown>): string {
  if (entry.secret) return `${name} (${raw.length} characters, not shown)`;
  const clipped = raw.length > 80 ? `${raw.slice(0, 77)}...` : raw;
  return `${name}=${JSON.stringify(clipped)}`;
}

/** Reads one variable; an empty value counts as unset, as it always has in this product. @throws ConfigError */
export function readEntry<T>(name: string, entry: Entry<T> & { defaultText: string }, env: Env): T;
export function readEntry<T>(name: string, entry: Entry<T>, env: Env): T | undefined;
export function readEntry<T>(name: string, entry: Entry<T>, env: Env): T | undefined {
  const production = isProduction(env);
  const given = env[name];
  const set = given !== undefined && given.trim() !== '';
  if (set && production && entry.refusedInProduction) {
    throw new ConfigError(name, `${name} must not be set in production: ${entry.refusedInProduction}`);
  }
  if (!set && production && entry.requiredInProduction) {
    throw new ConfigError(name, `${name} must be set in production; expected ${entry.form}`);
  }
  const raw = set ? given : production ? entry.defaultText : (entry.developmentDefault ?? entry.defaultText);
  if (raw === undefined) return undefined;
  const result = entry.schema.safeParse(raw);
  if (result.success) {
    if (production && set && entry.developmentDefault !== undefined && raw.includes(entry.developmentDefault)) {
      throw new ConfigError(name, `${name} holds the development secret, which production refuses; expected ${entry.form}`);
    }
    return result.data;
  }
  const problem = result.error.issues[0]?.message ?? 'is not valid';
  const where = set ? shown(name, raw, entry) : `${name}'s default ${JSON.stringify(raw)}`;
  throw new ConfigError(name, `${where} ${problem}; expected ${entry.form}`);
}

/**
 * The validated values of `group` from `env`: each variable read by its entry, defaults applied.
 * @throws ConfigError on the first variable that cannot be used.
 */
export function readConfig<G extends Group>(group: G, env: Env = process.env): ConfigOf<G> {
  const config: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(group)) config[name] = readEntry(name, entry, env);
  return config as ConfigOf<G>;
}
