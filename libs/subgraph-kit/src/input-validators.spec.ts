import 'reflect-metadata';
import { validate } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import {
  calendarDateArg,
  hasAtMostDecimals,
  isPublicHttpsUrl,
  IsCalendarDate,
  IsDecimalString,
  isCalendarDate,
  isDecimalString,
  IsNotBlank,
  isNotBlank,
  isPlausibleInstant,
  IsPlausibleInstant,
  plausibleInstantArg,
} from './input-validators';

describe('real calendar dates', () => {
  it('29 February is a date in a leap year (2028, 2000)', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('29 February 2027 (not a leap year) and 29 February 2100 (a century) are refused', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
  });

  it('30 February, 31 April, month 13, month 00 and day 00 are refused', () => {
    for (const value of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) expect(isCalendarDate(value)).toBe(false);
  });

  it('the last day of each month is a date', () => {
    for (const value of ['2026-01-31', '2026-04-30', '2026-12-31', '2026-02-28']) expect(isCalendarDate(value)).toBe(true);
  });

  it('year 0000 and years outside 1970–2999 are refused', () => {
    for (const value of ['0000-01-01', '1969-12-31', '3000-01-01', '9999-12-31']) expect(isCalendarDate(value)).toBe(false);
    expect(isCalendarDate('1970-01-01')).toBe(true);
    expect(isCalendarDate('2999-12-31')).toBe(true);
  });

  it('anything but exactly yyyy-mm-dd is refused: other forms, times, spaces and non-strings', () => {
    for (const value of [
      '2026-2-3',
      '20260203',
      '2026-02-03T00:00:00Z',
      ' 2026-02-03',
      '2026-02-03 ',
      '+2026-02-03',
      '',
      '２０２６-02-03',
    ]) {
      expect(isCalendarDate(value)).toBe(false);
    }
    for (const value of [20260203, null, undefined, new Date('2026-02-03'), ['2026-02-03'], { toString: () => '2026-02-03' }]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});

describe('numbers with at most n decimals', () => {
  it('12, 12.5 and 12.34 have at most 2 decimals; 12.345 does not', () => {
    expect([12, 12.5, 12.34, 0.01, 100].map((value) => hasAtMostDecimals(value, 2))).toEqual([true, true, true, true, true]);
    expect(hasAtMostDecimals(12.345, 2)).toBe(false);
  });

  it('exponent notation, NaN, infinities and non-numbers are refused, not thrown on', () => {
    expect([5e-324, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, '12.5', null].map((value) => hasAtMostDecimals(value, 2))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('plausible instants', () => {
  it('an instant in 1970–2999 is plausible', () => {
    expect(isPlausibleInstant(new Date('2026-03-02T10:00:00Z'))).toBe(true);
    expect(isPlausibleInstant(new Date('1970-01-01T00:00:00Z'))).toBe(true);
    expect(isPlausibleInstant(new Date('2999-12-31T23:59:59.999Z'))).toBe(true);
  });

  it('year 0000, 1969, 3000 and 9999 are refused', () => {
    for (const value of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '3000-01-01T00:00:00Z', '9999-12-31T00:00:00Z']) {
      expect(isPlausibleInstant(new Date(value))).toBe(false);
    }
  });

  it('an invalid Date and anything that is not a Date are refused', () => {
    for (const value of [new Date('nonsense'), '2026-03-02T10:00:00Z', 1_772_445_600_000, null, undefined])
      expect(isPlausibleInstant(value)).toBe(false);
  });
});

describe('decimal strings for a DECIMAL(12, 2) column', () => {
  const money = { precision: 12, scale: 2 };

  it('plain non-negative decimals with at most 10 integer digits and 2 decimals are accepted', () => {
    for (const value of ['0', '0.5', '249', '249.00', '9999999999.99']) expect(isDecimalString(value, money)).toBe(true);
  });

  it('empty, blank, padded, signed, exponent, leading-zero, too-precise and too-large values are refused', () => {
    const refused = [
      '',
      '   ',
      ' 249',
      '249 ',
      '-1',
      '+1',
      '2.49e2',
      '0249',
      '249.',
      '.5',
      '249.001',
      '10000000000',
      '1'.repeat(10_000),
      '249,00',
      'NaN',
    ];
    for (const value of refused) expect(isDecimalString(value, money)).toBe(false);
  });

  it('a number is not a decimal string', () => {
    expect(isDecimalString(249, money)).toBe(false);
  });
});

describe('non-blank strings', () => {
  it('white space alone is blank; anything else is not', () => {
    expect(isNotBlank(' \t\n ')).toBe(false);
    expect(isNotBlank('')).toBe(false);
    expect(isNotBlank(' a ')).toBe(true);
    expect(isNotBlank(42)).toBe(false);
  });
});

class Sample {
  @IsCalendarDate()
  day: unknown;

  @IsPlausibleInstant()
  at: unknown;

  @IsDecimalString({ precision: 12, scale: 2 })
  price: unknown;

  @IsNotBlank({ each: true })
  names: unknown;
}

describe('the decorators report the field and the rule', () => {
  it('each broken field is named with its constraint', async () => {
    const sample = Object.assign(new Sample(), { day: '2026-02-30', at: new Date('0000-01-01T00:00:00Z'), price: '', names: ['ok', '  '] });
    const errors = await validate(sample);
    expect(Object.fromEntries(errors.map((error) => [error.property, Object.keys(error.constraints ?? {})]))).toEqual({
      day: ['isCalendarDate'],
      at: ['isPlausibleInstant'],
      price: ['isDecimalString'],
      names: ['isNotBlank'],
    });
    expect(errors.find((error) => error.property === 'day')?.constraints?.isCalendarDate).toBe(
      'day must be a calendar date yyyy-mm-dd that exists, in 1970–2999',
    );
  });

  it('valid values pass', async () => {
    const sample = Object.assign(new Sample(), {
      day: '2028-02-29',
      at: new Date('2026-03-02T10:00:00Z'),
      price: '249.00',
      names: ['a', 'b'],
    });
    expect(await validate(sample)).toEqual([]);
  });
});

describe('scalar argument validators', () => {
  const run = (validateFn: ReturnType<typeof calendarDateArg>, value: unknown) => validateFn(value as object, String, {} as never);

  it('an impossible date argument is an ArgumentValidationError naming the argument', async () => {
    let thrown: unknown;
    try {
      await run(calendarDateArg('on'), '2026-13-01');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArgumentValidationError);
    expect((thrown as ArgumentValidationError).extensions.validationErrors).toMatchObject([
      { property: 'on', constraints: { isCalendarDate: expect.stringContaining('on must be') } },
    ]);
  });

  it('a year-0000 instant argument is refused; a plausible one and an omitted one pass', () => {
    expect(() => run(plausibleInstantArg('start'), new Date('0000-01-01T00:00:00Z'))).toThrow(ArgumentValidationError);
    expect(() => run(plausibleInstantArg('start'), new Date('2026-03-02T10:00:00Z'))).not.toThrow();
    expect(() => run(plausibleInstantArg('start'), undefined)).not.toThrow();
  });
});

describe('links customers are sent to', () => {
  it('an https link to a public host name is accepted', () => {
    for (const url of [
      'https://www.poly.com/support',
      'https://support.hp.com/us-en/document/c081?lang=en#top',
      'https://poly.zoom.example/j/123',
    ])
      expect({ url, ok: isPublicHttpsUrl(url) }).toEqual({ url, ok: true });
  });

  it('plain http, other schemes, credentials, ports, IP addresses, localhost, single-label hosts, white space and 2,001 characters are refused', () => {
    const refused = [
      'http://www.poly.com/support',
      'javascript:alert(1)',
      'ftp://ftp.poly.com/fw.bin',
      'https://user:secret@www.poly.com/',
      'https://www.poly.com:8443/',
      'https://10.0.0.7/fw.bin',
      'https://[::1]/',
      'https://localhost/',
      'https://app.localhost/',
      'https://intranet/',
      'https://www.poly.com/a b',
      ' https://www.poly.com/',
      `https://www.poly.com/${'x'.repeat(2000)}`,
      'not a url',
      42,
    ];
    for (const url of refused) expect({ url, ok: isPublicHttpsUrl(url) }).toEqual({ url, ok: false });
  });
});
