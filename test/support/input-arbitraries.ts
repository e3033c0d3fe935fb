import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';

const AWKWARD_STRINGS = [
  '',
  '   ',
  "'; DROP TABLE incident; --",
  '\u0000',
  'null',
  '<script>alert(1)</script>',
  '😀'.repeat(300),
  'x'.repeat(10_000),
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 100, maxLength: 600 }) },
);

/** Dates a client may send: real ones across centuries, impossible ones (Feb 30, month 13, year 0000) and junk. */
const dateTime = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc
    .record({
      year: fc.integer({ min: 0, max: 9999 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
    })
    .map(
      ({ year, month, day, hour }) =>
        `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`,
    ),
  text,
);

function scalar(name: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.01, 1e300));
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid(), text) : fc.oneof(fc.uuid(), text);
    case 'DateTimeISO':
      return dateTime;
    default:
      return text;
  }
}

/** Well-typed but otherwise arbitrary values of a GraphQL input type; `ids` are real ids to mix in. */
export function inputArbitrary(type: GraphQLInputType, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputArbitrary(type.ofType, ids);
  const value = (() => {
    if (isListType(type)) return fc.array(inputArbitrary(type.ofType, ids), { maxLength: 4 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((enumValue) => enumValue.name));
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, nullableArbitrary(field.type, ids)])), {
        requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name),
      });
    }
    if (isScalarType(type)) return scalar(type.name, ids);
    return fc.constant(null);
  })();
  return value as fc.Arbitrary<unknown>;
}

/** A value of the type, or sometimes null where the type allows it. */
function nullableArbitrary(type: GraphQLInputType, ids: readonly string[]): fc.Arbitrary<unknown> {
  return isNonNullType(type) ? inputArbitrary(type, ids) : fc.option(inputArbitrary(type, ids), { nil: null });
}

/** Arbitrary variables for a root field's arguments; nullable ones are sometimes null or left out. */
export function variablesArbitrary(args: readonly GraphQLArgument[], ids: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(args.map((arg) => [arg.name, nullableArbitrary(arg.type, ids)])), {
    requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name),
  }) as fc.Arbitrary<Record<string, unknown>>;
}
