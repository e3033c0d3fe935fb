import { registerDecorator, ValidationError, type ValidationOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/**
 * The years a business date or instant may fall in. Nothing the service records happened before
 * 1970 or is planned past 2999; year 0000 and the like are typos the database would refuse.
 */
export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2999;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Non-negative, no leading zeros, no sign, no exponent, no surrounding spaces: "0", "249", "249.5", "249.00".
const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;

const withinYears = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;

/** True for a `yyyy-mm-dd` string naming a day that exists (no 2026-02-30, no month 13, no day 0) in 1970–2999. */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!withinYears(year) || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** True for a valid `Date` (as the DateTimeISO scalar gives it) whose UTC year is in 1970–2999. */
export function isPlausibleInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime()) && withinYears(value.getUTCFullYear());
}

/** The shape of a DECIMAL(precision, scale) column. */
export type DecimalColumn = { precision: number; scale: number };

/**
 * True for a non-negative decimal string a DECIMAL(precision, scale) column stores exactly: at most
 * `precision - scale` integer digits and `scale` decimals, written plainly ("249.00", not " 249", "+249", "2.49e2" or "0249").
 */
export function isDecimalString(value: unknown, { precision, scale }: DecimalColumn): value is string {
  const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
  if (!match) return false;
  return match[1].length <= precision - scale && (match[2]?.length ?? 0) <= scale;
}

/**
 * True for a finite number written with at most `places` decimals (12.5, 12.34; not 12.345, 5e-324).
 * class-validator's own `maxDecimalPlaces` throws on exponent notation instead of refusing it.
 */
export function hasAtMostDecimals(value: unknown, places: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/** True for a string with at least one character that is not white space. */
export function isNotBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** The longest link the service stores (VARCHAR(2000) columns). */
export const MAX_URL_LENGTH = 2000;

// A DNS name of at least two labels ending in a letter TLD: no IP literals, no single-label intranet hosts.
const PUBLIC_HOST = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * True for an absolute `https` link to a public host name, as customers' browsers are sent to it:
 * at most 2,000 characters, no white space, no user name or password, no IP address, no
 * `localhost`, no port other than 443.
 */
export function isPublicHttpsUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    PUBLIC_HOST.test(url.hostname) &&
    !url.hostname.endsWith('.localhost')
  );
}

function propertyDecorator(
  name: string,
  validate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate },
    });
}

const CALENDAR_DATE_RULE = `must be a calendar date yyyy-mm-dd that exists, in ${EARLIEST_YEAR}–${LATEST_YEAR}`;
const INSTANT_RULE = `must be a date-time in the years ${EARLIEST_YEAR}–${LATEST_YEAR}`;

/** A `yyyy-mm-dd` input field that must name a real day (see {@link isCalendarDate}). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return propertyDecorator('isCalendarDate', isCalendarDate, `$property ${CALENDAR_DATE_RULE}`, options);
}

/** A DateTimeISO input field that must fall in a plausible year (see {@link isPlausibleInstant}). */
export function IsPlausibleInstant(options?: ValidationOptions): PropertyDecorator {
  return propertyDecorator('isPlausibleInstant', isPlausibleInstant, `$property ${INSTANT_RULE}`, options);
}

/** A money or other decimal string the DECIMAL(precision, scale) column stores exactly (see {@link isDecimalString}). */
export function IsDecimalString(column: DecimalColumn, options?: ValidationOptions): PropertyDecorator {
  const integerDigits = column.precision - column.scale;
  const message = `$property must be a non-negative decimal such as "249.00", with at most ${integerDigits} digits before the point and ${column.scale} after it`;
  return propertyDecorator('isDecimalString', (value) => isDecimalString(value, column), message, options);
}

/** A number input field with at most `places` decimals (see {@link hasAtMostDecimals}). */
export function HasAtMostDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return propertyDecorator(
    'hasAtMostDecimals',
    (value) => hasAtMostDecimals(value, places),
    `$property must be a number with at most ${places} decimals`,
    options,
  );
}

/** A string input field that must hold more than white space. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return propertyDecorator('isNotBlank', isNotBlank, '$property must not be blank', options);
}

/** An input field holding a link customers follow: see {@link isPublicHttpsUrl}. */
export function IsPublicHttpsUrl(options?: ValidationOptions): PropertyDecorator {
  return propertyDecorator(
    'isPublicHttpsUrl',
    isPublicHttpsUrl,
    `$property must be an https link to a public host name, up to ${MAX_URL_LENGTH} characters, without a user name, password or port`,
    options,
  );
}

// A scalar @Arg is not seen by class-validator: its checks run as the argument's validateFn and
// fail the same way an input object does (BAD_USER_INPUT with extensions.fields naming the argument).
function argumentValidator(name: string, constraint: string, isValid: (value: unknown) => boolean, rule: string): ValidatorFn {
  return (value) => {
    if (value === null || value === undefined || isValid(value)) return;
    const error = Object.assign(new ValidationError(), {
      property: name,
      value,
      constraints: { [constraint]: `${name} ${rule}` },
      children: [],
    });
    throw new ArgumentValidationError([error]);
  };
}

/** `@Arg(name, () => String, { validateFn: calendarDateArg(name) })`: the argument must be a real calendar date. */
export function calendarDateArg(name: string): ValidatorFn {
  return argumentValidator(name, 'isCalendarDate', isCalendarDate, CALENDAR_DATE_RULE);
}

/** `@Arg(name, () => Date, { validateFn: plausibleInstantArg(name) })`: the argument must fall in a plausible year. */
export function plausibleInstantArg(name: string): ValidatorFn {
  return argumentValidator(name, 'isPlausibleInstant', isPlausibleInstant, INSTANT_RULE);
}
