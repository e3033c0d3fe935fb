import { buildSchema, isScalarType, isSpecifiedScalarType } from 'graphql';
import { EARLIEST_YEAR, LATEST_YEAR } from '@polyplus/subgraph-kit';

/** Why a value is not one of a scalar's values, or null when it is. */
export type ScalarCheck = (value: unknown) => string | null;

// RFC 3339 date-time: 2026-03-02T10:00:00Z, 2026-03-02T10:00:00.123+01:00.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/i;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * An instant written as an RFC 3339 date-time that names a real day and time, in the years the
 * subgraphs accept (1970–2999, UTC).
 */
export const checkDateTimeISO: ScalarCheck = (value) => {
  const expected = 'a date-time such as "2026-03-02T10:00:00Z"';
  if (typeof value !== 'string') return `DateTimeISO must be ${expected}, not ${describe(value)}`;
  const match = DATE_TIME.exec(value);
  if (!match) return `DateTimeISO must be ${expected}, not ${describe(value)}`;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12) return `${value} has no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month))
    return `${value} names no real day: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
  if (hour > 23 || minute > 59 || second > 59) return `${value} names no real time of day`;
  if (match[8].toUpperCase() !== 'Z' && (Number(match[10]) > 23 || Number(match[11]) > 59)) return `${value} has no real UTC offset`;
  const utcYear = new Date(value).getUTCFullYear();
  if (!(utcYear >= EARLIEST_YEAR && utcYear <= LATEST_YEAR)) return `${value} is outside the years ${EARLIEST_YEAR}–${LATEST_YEAR}`;
  return null;
};

/**
 * What the gateway accepts for each custom scalar of the supergraph. The supergraph alone declares
 * them without any parsing, so without these an impossible date would travel on to a subgraph.
 */
export const GATEWAY_SCALAR_CHECKS: Readonly<Record<string, ScalarCheck>> = {
  DateTimeISO: checkDateTimeISO,
};

// Federation's own scalars describe the supergraph, never a client's input.
const isFederationScalar = (name: string) => name.startsWith('join__') || name.startsWith('link__');

/** The custom scalars clients can send in a supergraph SDL (for a check that none goes unparsed). */
export function customInputScalars(supergraphSdl: string): string[] {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  return Object.values(schema.getTypeMap())
    .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type) && !isFederationScalar(type.name))
    .map((type) => type.name)
    .sort();
}
