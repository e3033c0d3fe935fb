import type { z } from 'zod';

/**
 * One environment variable: how its text is read (a zod schema from the raw string to the value
 * code uses), what it is for, its default and the form it must take — what the start-up error and
 * `docs/configuration.md` say about it.
 */
export type Entry<T> = {
  /** Reads the (non-empty) raw text; an issue's message says what is wrong with the value. */
  readonly schema: z.ZodType<T, string>;
  /** The expected form, completing "expected …" (e.g. `an integer from 1 to 65535`). */
  readonly form: string;
  readonly description: string;
  /** The raw text used when the variable is unset or empty, if any. */
  readonly defaultText?: string;
  /** How the default reads in the docs when it is not a fixed text (e.g. `HOST`, `off outside production`). */
  readonly defaultNote?: string;
  /** The raw text used outside production when unset; production must set the variable. */
  readonly developmentDefault?: string;
  /** Production refuses to start without it. */
  readonly requiredInProduction?: boolean;
  /** Why production refuses the variable being set at all (development-only settings). */
  readonly refusedInProduction?: string;
  /** Never echoed in an error. */
  readonly secret?: boolean;
  /** A fresh value for a production-like stack on this machine (tests, benchmarks); `label` names keys. */
  readonly generate?: (label: string) => string;
};

/** Variables by name. */
export type Group = Readonly<Record<string, Entry<unknown>>>;

type ValueOf<E> = E extends Entry<infer T> ? T : never;

/** Whether the entry always has a value once read (a default of some kind). */
type HasValue<E> = E extends { defaultText: string } ? true : E extends { developmentDefault: string } ? true : false;

/** The validated configuration of a group: each variable's value, `undefined` where unset without a default. */
export type ConfigOf<G extends Group> = {
  readonly [K in keyof G]: HasValue<G[K]> extends true ? ValueOf<G[K]> : ValueOf<G[K]> | undefined;
};
