import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** One HTTP request body for the gateway, and what it was meant to probe. */
export type MalformedRequest = { target: string; kind: string; body: string };

/** A root field to probe, and who asks (dispatch changes are the planners', the rest support's). */
export type FuzzTarget = { operation: 'query' | 'mutation'; field: string; as: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Strings a careless or hostile client sends: empty, blank, huge, odd unicode, SQL and markup,
// impossible calendar dates and decimals where a date or price is meant.
const HOSTILE_STRINGS = [
  '',
  ' ',
  '   \t ',
  'x'.repeat(10_000),
  '😀'.repeat(300),
  '\u0000',
  '\u202eevil',
  "' OR '1'='1",
  'Robert"); DROP TABLE customer;--',
  '<script>alert(1)</script>',
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '2026-03-02',
  '99:99',
  '-1',
  '1e309',
  'NaN',
  'GB',
  'Europe/London',
  'Mars/Olympus',
];

const INSTANTS = [
  '2026-03-02T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-13-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-03-02T24:00:00Z',
  '2026-03-02',
  'yesterday',
  '',
];

// Values of the wrong kind for any position, including numbers GraphQL's Int cannot hold.
const WRONG_KINDS: Json[] = [12345, 'text', true, {}, [], { a: 1 }, 1.5, 2 ** 31, -(2 ** 31) - 1, 1e300, Number.MAX_SAFE_INTEGER, [[]]];

function leaf(typeName: string, ids: readonly string[]): fc.Arbitrary<Json> {
  switch (typeName) {
    case 'String':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...HOSTILE_STRINGS));
    case 'ID':
      return fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ maxLength: 12 }), fc.constantFrom('', '0', 'x'.repeat(500)));
    case 'Int':
      return fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, 3, 2_147_483_647, -2_147_483_648));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 91, -181, 1e308));
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(
        fc.constantFrom(...INSTANTS),
        fc
          .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('3100-01-01T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      );
    default:
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...WRONG_KINDS));
  }
}

/** A value of the right shape for the type, with hostile but well-typed leaves. */
function wellShaped(type: GraphQLInputType, ids: readonly string[], depth = 0): fc.Arbitrary<Json> {
  if (isNonNullType(type)) return wellShaped(type.ofType, ids, depth);
  if (isListType(type)) return fc.array(wellShaped(type.ofType, ids, depth + 1), { maxLength: depth > 2 ? 0 : 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const model = Object.fromEntries(fields.map((f) => [f.name, wellShaped(f.type, ids, depth + 1)]));
    return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
  }
  return leaf(type.name, ids);
}

type Mutation = 'wrong kind' | 'null' | 'drop a field' | 'unknown field' | 'wrap in a list' | 'bad enum' | 'impossible date';
const MUTATIONS: Mutation[] = ['wrong kind', 'null', 'drop a field', 'unknown field', 'wrap in a list', 'bad enum', 'impossible date'];

/** Every place in a JSON value, as paths from its root. */
function places(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(value)
    ? value.flatMap((item, i) => places(item, [...path, i]))
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]))
      : [];
  return [path, ...inner];
}

function replaceAt(value: Json, path: (string | number)[], change: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value) ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, change) : item));
  if (value && typeof value === 'object') {
    const copy: { [key: string]: Json } = { ...value };
    if (rest.length === 0) {
      const next = change(copy[head as string]);
      if (next === undefined) delete copy[head as string];
      else copy[head as string] = next;
    } else {
      copy[head as string] = replaceAt(copy[head as string], rest, change);
    }
    return copy;
  }
  return value;
}

/** One targeted defect in an otherwise well-shaped value. */
function mutate(value: Json, mutation: Mutation, pick: number, wrong: Json): Json {
  const all = places(value);
  const at = all[pick % all.length];
  switch (mutation) {
    case 'wrong kind':
      return replaceAt(value, at, () => wrong);
    case 'null':
      return replaceAt(value, at, () => null);
    case 'drop a field': {
      const fields = all.filter((p) => typeof p[p.length - 1] === 'string');
      return fields.length ? replaceAt(value, fields[pick % fields.length], () => undefined) : {};
    }
    case 'unknown field': {
      const objects = all.filter((p) => {
        const node = p.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string], value);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      return objects.length
        ? replaceAt(value, objects[pick % objects.length], (old) => ({ ...(old as object), bogusField: wrong }))
        : { bogusField: wrong };
    }
    case 'wrap in a list':
      return replaceAt(value, at, (old) => [old, old]);
    case 'bad enum':
      return replaceAt(value, at, (old) => (typeof old === 'string' ? old.toLowerCase() + '_X' : 'NOT_A_VALUE'));
    case 'impossible date':
      return replaceAt(value, at, () => ['2026-02-30T10:00:00Z', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-02-30'][pick % 4]);
  }
}

/** A JSON value written as a GraphQL literal of the type (enum values bare when they look like names). */
function literal(type: GraphQLInputType | undefined, value: Json): string {
  const named = type ? getNamedType(type) : undefined;
  const itemType = type && isNonNullType(type) ? type.ofType : type;
  if (value === null) return 'null';
  if (Array.isArray(value))
    return `[${value.map((item) => literal(itemType && isListType(itemType) ? itemType.ofType : undefined, item)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(fields[key]?.type, item)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && named && isEnumType(named) && /^[_A-Za-z]\w*$/.test(value) && !['true', 'false', 'null'].includes(value))
    return value;
  return JSON.stringify(value);
}

const variableType = (argument: GraphQLArgument) => String(argument.type);

function operationText(
  target: FuzzTarget,
  field: GraphQLField<unknown, unknown>,
  args: readonly GraphQLArgument[],
  inline?: Record<string, string>,
): string {
  const declared = inline ? '' : args.length ? `(${args.map((a) => `$${a.name}: ${variableType(a)}`).join(', ')})` : '';
  const passed = args.length ? `(${args.map((a) => `${a.name}: ${inline ? inline[a.name] : `$${a.name}`}`).join(', ')})` : '';
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${target.operation} Probe${declared} { ${target.field}${passed}${selection} }`;
}

/**
 * Malformed requests for one root field of the supergraph: well-shaped variables with hostile
 * leaves (huge strings, boundary ints, impossible dates), the same with one defect (wrong kind,
 * null, a field dropped or unknown, a list where one value belongs, a bad enum value, an
 * impossible date), the values written as literals, and request-level oddities (no or non-object
 * variables, extra variables, an unknown or missing operationName, truncated JSON).
 */
export function malformedRequests(schema: GraphQLSchema, target: FuzzTarget, ids: readonly string[]): fc.Arbitrary<MalformedRequest> {
  const root = target.operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root?.getFields()[target.field];
  if (!field) throw new Error(`The supergraph has no ${target.operation} field ${target.field}`);
  const args = field.args;
  const query = operationText(target, field, args);
  const variables = fc.record(Object.fromEntries(args.map((a) => [a.name, wellShaped(a.type, ids)]))) as fc.Arbitrary<Record<string, Json>>;
  const body = (kind: string, content: unknown) => ({ target: target.field, kind, body: JSON.stringify(content) });

  const hostileLeaves = variables.map((v) => body('hostile leaves', { query, variables: v }));
  const oneDefect = fc
    .tuple(variables, fc.constantFrom(...MUTATIONS), fc.nat(), fc.constantFrom(...WRONG_KINDS))
    .map(([v, mutation, pick, wrong]) => body(mutation, { query, variables: mutate(v as Json, mutation, pick, wrong) }));
  const asLiterals = fc
    .tuple(variables, fc.boolean(), fc.constantFrom(...MUTATIONS), fc.nat(), fc.constantFrom(...WRONG_KINDS))
    .map(([v, defect, mutation, pick, wrong]) => {
      const values = (defect ? mutate(v as Json, mutation, pick, wrong) : v) as Record<string, Json>;
      const inline = Object.fromEntries(
        args.map((a) => [
          a.name,
          literal(a.type, values && typeof values === 'object' && !Array.isArray(values) ? (values[a.name] ?? null) : null),
        ]),
      );
      return body(defect ? `literal, ${mutation}` : 'literal', { query: operationText(target, field, args, inline) });
    });
  const requestLevel = fc.tuple(variables, fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)).map(([v, which]) => {
    switch (which) {
      case 0:
        return body('no variables', { query });
      case 1:
        return body('variables a list', { query, variables: [v] });
      case 2:
        return body('variables a string', { query, variables: JSON.stringify(v) });
      case 3:
        return body('variables a number', { query, variables: 42 });
      case 4: {
        // An unknown variable, and a "__proto__" key as JSON can carry it.
        const extra = body('extra variables', { query, variables: { ...v, extra: 'x' } });
        return { ...extra, body: extra.body.replace('"variables":{', '"variables":{"__proto__":{"polluted":true},') };
      }
      case 5:
        return body('unknown operationName', { query, variables: v, operationName: 'Elsewhere' });
      case 6:
        return body('two operations, none named', { query: `${query} query Other { __typename }`, variables: v });
      case 7:
        return body('empty query', { query: '', variables: v });
      case 8:
        return { target: target.field, kind: 'truncated JSON', body: JSON.stringify({ query, variables: v }).slice(0, -3) };
      default:
        return body('variables null', { query, variables: null });
    }
  });
  return fc.oneof(
    { arbitrary: hostileLeaves, weight: 3 },
    { arbitrary: oneDefect, weight: 4 },
    { arbitrary: asLiterals, weight: 2 },
    { arbitrary: requestLevel, weight: 1 },
  );
}
