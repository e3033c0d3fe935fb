import { z } from 'zod';
import type { Entry } from './entry';

/** What every entry is told: its purpose, and the default when it has one. */
type Common<D> = { description: string; default?: D; defaultNote?: string };

/** An entry whose `default` (or `developmentDefault`, production requiring it) was given keeps a `defaultText` in its type, so its value is never undefined. */
type Defaulted<O> = O extends { default: unknown }
  ? { defaultText: string }
  : O extends { developmentDefault: string }
    ? { developmentDefault: string }
    : unknown;

function entry<T, O extends Common<unknown>>(
  options: O,
  schema: z.ZodType<T, string>,
  form: string,
  extra: Partial<Entry<T>> = {},
): Entry<T> & Defaulted<O> {
  return {
    schema,
    form,
    description: options.description,
    ...(options.default !== undefined ? { defaultText: String(options.default) } : {}),
    ...(options.defaultNote ? { defaultNote: options.defaultNote } : {}),
    ...extra,
  } as Entry<T> & Defaulted<O>;
}

/** A raw text read by `read`, which returns the value or a problem ("is not an integer"). */
function reading<R extends { value?: unknown; problem?: string }>(
  read: (raw: string) => R,
): z.ZodType<Exclude<R['value'], undefined>, string> {
  return z.string().transform((raw, context) => {
    const result = read(raw);
    if (result.value !== undefined) return result.value as Exclude<R['value'], undefined>;
    context.addIssue({ code: 'custom', message: result.problem ?? 'is not valid' });
    return z.NEVER;
  });
}

function integerReader(min: number, max: number) {
  return (raw: string) => {
    if (!/^[+-]?\d+$/.test(raw.trim())) return { problem: 'is not an integer' };
    const value = Number(raw);
    if (value < min) return { problem: `is below ${min}` };
    if (value > max) return { problem: `is above ${max}` };
    return { value };
  };
}

const range = (min: number, max: number) => (max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`);

/** A whole number in [min, max]; `unit` says what it counts (bytes, minutes…). */
export function integer<O extends Common<number> & { min: number; max?: number; unit?: string }>(options: O) {
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const form = `an integer ${range(options.min, max)}${options.unit ? ` (${options.unit})` : ''}`;
  return entry(options, reading(integerReader(options.min, max)), form);
}

/** A TCP port; 0 asks the system for a free one. */
export function port<O extends Common<number>>(options: O) {
  return entry(options, reading(integerReader(0, 65_535)), 'a port number from 0 to 65535 (0: any free port)');
}

/** A number greater than zero, fractions allowed (`0.5` hours). */
export function positiveNumber<O extends Common<number> & { unit: string }>(options: O) {
  const read = (raw: string) => {
    const value = Number(raw);
    return raw.trim() !== '' && Number.isFinite(value) && value > 0 ? { value } : { problem: 'is not a positive number' };
  };
  return entry(options, reading(read), `a number greater than 0 (${options.unit})`);
}

const UNIT_MS = { ms: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000 } as const;

/**
 * A length of time written as a whole number of `unit`, read as milliseconds (what timers take).
 * `fractional` accepts decimals (`0.5` hours).
 */
export function duration<O extends Common<number> & { unit: keyof typeof UNIT_MS; min?: number; max?: number; fractional?: boolean }>(
  options: O,
) {
  const min = options.min ?? 1;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const unit = options.unit === 'ms' ? 'milliseconds' : options.unit;
  const read = (raw: string) => {
    const result: { value?: number; problem?: string } = options.fractional ? decimalReader(min, max)(raw) : integerReader(min, max)(raw);
    return result.value !== undefined ? { value: result.value * UNIT_MS[options.unit] } : { problem: result.problem ?? 'is not valid' };
  };
  const form = options.fractional ? `a number of ${unit} ${range(min, max)}` : `a whole number of ${unit} ${range(min, max)}`;
  return entry(options, reading(read), form);
}

function decimalReader(min: number, max: number) {
  return (raw: string) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) return { problem: 'is not a number' };
    if (value < min) return { problem: `is below ${min}` };
    if (value > max) return { problem: `is above ${max}` };
    return { value };
  };
}

const words = (values: readonly string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values.join('');

/** One of a few words; `caseInsensitive` reads `REQUIRE` as `require`. */
export function oneOf<const V extends string, O extends Common<V> & { values: readonly V[]; caseInsensitive?: boolean }>(options: O) {
  const read = (raw: string) => {
    const word = raw.trim();
    const found = options.values.find((value) => (options.caseInsensitive ? value.toLowerCase() === word.toLowerCase() : value === word));
    return found !== undefined ? { value: found } : { problem: 'is not one of the accepted values' };
  };
  return entry(options, reading(read), `one of ${words(options.values)}`);
}

/** A switch written `on` or `off`. */
export function onOff<O extends Common<'on' | 'off'>>(options: O) {
  const read = (raw: string) => {
    const word = raw.trim().toLowerCase();
    return word === 'on' || word === 'off' ? { value: word === 'on' } : { problem: 'is neither on nor off' };
  };
  return entry(options, reading(read), 'on or off');
}

/** A yes/no written `true`/`false` (or `1`/`0`). */
export function boolean<O extends Common<boolean>>(options: O) {
  const read = (raw: string) => {
    const word = raw.trim().toLowerCase();
    if (word === 'true' || word === '1') return { value: true };
    if (word === 'false' || word === '0') return { value: false };
    return { problem: 'is neither true nor false' };
  };
  return entry(options, reading(read), 'true or false (or 1 or 0)');
}

/**
 * A URL with one of `protocols`. `bare` refuses a query and a fragment (an origin and path that
 * others are appended to); `trimSlash` drops trailing slashes from the value code reads.
 */
export function url<
  O extends Common<string> & { protocols: readonly string[]; bare?: boolean; trimSlash?: boolean; requiredInProduction?: boolean },
>(options: O) {
  const read = (raw: string) => {
    let parsed: URL;
    try {
      parsed = new URL(raw.trim());
    } catch {
      return { problem: 'is not a URL' };
    }
    const protocol = parsed.protocol.replace(/:$/, '');
    if (!options.protocols.includes(protocol)) return { problem: `uses ${protocol}://` };
    if (options.bare && (parsed.search || parsed.hash || raw.includes('?') || raw.includes('#')))
      return { problem: 'has a query or fragment' };
    const value = raw.trim();
    return { value: options.trimSlash ? value.replace(/\/+$/, '') : value };
  };
  const form = `a URL starting ${options.protocols.map((p) => `${p}://`).join(' or ')}${options.bare ? ', without query or fragment' : ''}`;
  return entry(options, reading(read), form, pick(options));
}

/** A JSON document of the given shape (`form` describes it: `{"<kid>": "<secret>"}`). */
export function json<
  O extends Common<string> & {
    shape: z.ZodType;
    form: string;
    secret?: boolean;
    requiredInProduction?: boolean;
    developmentDefault?: string;
    generate?: (label: string) => string;
  },
>(options: O) {
  const read = (raw: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { problem: 'is not JSON' };
    }
    const result = options.shape.safeParse(parsed);
    return result.success
      ? { value: result.data as z.output<O['shape']> }
      : { problem: `does not have the expected shape (${result.error.issues[0]?.message ?? 'invalid'})` };
  };
  return entry(options, reading(read), options.form, pick(options));
}

function pick(options: {
  secret?: boolean;
  requiredInProduction?: boolean;
  developmentDefault?: string;
  generate?: (label: string) => string;
}) {
  return {
    ...(options.secret ? { secret: true } : {}),
    ...(options.requiredInProduction ? { requiredInProduction: true } : {}),
    ...(options.developmentDefault !== undefined ? { developmentDefault: options.developmentDefault } : {}),
    ...(options.generate ? { generate: options.generate } : {}),
  };
}

const items = (raw: string) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A comma-separated list; `item` checks each element ("is not …" names the first bad one). */
export function list<O extends Common<string> & { form: string; item?: { test: (item: string) => boolean; is: string } }>(options: O) {
  const read = (raw: string) => {
    const all = items(raw);
    const bad = options.item ? all.find((item) => !options.item?.test(item)) : undefined;
    return bad !== undefined ? { problem: `holds "${bad}", which is not ${options.item?.is}` } : { value: all };
  };
  return entry(options, reading(read), options.form);
}

/**
 * Comma-separated secrets of `minLength` characters or more, the first one current (it signs) and
 * all accepted (rotation). Production must set them; elsewhere `developmentDefault` stands in.
 */
export function secretList<
  O extends Common<string> & { minLength: number; developmentDefault: string; generate: (label: string) => string },
>(options: O) {
  const read = (raw: string) => {
    const all = items(raw);
    if (all.length === 0) return { problem: 'holds no secret' };
    if (all.some((secret) => secret.length < options.minLength))
      return { problem: `holds a secret shorter than ${options.minLength} characters` };
    return { value: all };
  };
  const form = `comma-separated secrets of ${options.minLength} characters or more, the first current`;
  return entry(options, reading(read), form, {
    secret: true,
    requiredInProduction: true,
    developmentDefault: options.developmentDefault,
    generate: options.generate,
  }) as Entry<string[]> & { developmentDefault: string };
}

/** Free text; `pattern` (with `form`) constrains it. */
export function text<
  O extends Common<string> & {
    pattern?: RegExp;
    form?: string;
    secret?: boolean;
    requiredInProduction?: boolean;
    refusedInProduction?: string;
  },
>(options: O) {
  const read = (raw: string) =>
    options.pattern && !options.pattern.test(raw.trim()) ? { problem: 'does not have the expected form' } : { value: raw.trim() };
  return entry(options, reading(read), options.form ?? 'any text', {
    ...pick(options),
    ...(options.refusedInProduction ? { refusedInProduction: options.refusedInProduction } : {}),
  });
}

/** A point in time written as an ISO 8601 instant. */
export function instant<O extends Common<string>>(options: O) {
  const read = (raw: string) => {
    const at = new Date(raw.trim());
    return /^\d{4}-\d{2}-\d{2}T/.test(raw.trim()) && !Number.isNaN(at.getTime())
      ? { value: at }
      : { problem: 'is not an ISO 8601 instant' };
  };
  return entry(options, reading(read), 'an ISO 8601 instant such as 2026-03-02T09:00:00Z');
}
