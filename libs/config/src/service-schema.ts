import type { ConfigOf, Group } from './entry';
import { ConfigError, isProduction, readConfig, type Env } from './read-config';

/** A check across variables: returns the problem (one line, naming the variables) or nothing. */
export type Rule<G extends Group> = (config: ConfigOf<G>, production: boolean) => string | undefined;

/** Everything one service reads from its environment, composed from shared groups and its own. */
export type ServiceSchema<G extends Group = Group> = {
  /** The app's name (`apps/<service>`). */
  readonly service: string;
  /** What runs, for the docs. */
  readonly title: string;
  readonly entries: G;
  readonly rules: readonly Rule<G>[];
};

export function defineService<G extends Group>(
  service: string,
  title: string,
  entries: G,
  rules: readonly NoInfer<Rule<G>>[] = [],
): ServiceSchema<G> {
  return { service, title, entries, rules };
}

/**
 * A service's whole configuration, validated: every variable, then the rules across them.
 * @throws ConfigError naming the first variable (or pair) that cannot be used.
 */
export function readServiceConfig<G extends Group>(schema: ServiceSchema<G>, env: Env = process.env): ConfigOf<G> {
  return readGroup(schema.entries, schema.rules, env);
}

/** A group's values and its rules across them (what a part of a service reads). @throws ConfigError */
export function readGroup<G extends Group>(group: G, rules: readonly NoInfer<Rule<G>>[], env: Env = process.env): ConfigOf<G> {
  const config = readConfig(group, env);
  for (const rule of rules) {
    const problem = rule(config, isProduction(env));
    if (problem) throw new ConfigError(problem.split(/[\s:=]/)[0], problem);
  }
  return config;
}
