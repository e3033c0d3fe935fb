import { getCountry } from 'countries-and-timezones';
import { In, type DataSource } from 'typeorm';
import {
  describeCalendar,
  localDate,
  placeCalendar,
  SHORT_WEEKDAY_NAMES,
  type BusinessCalendar,
  type UpcomingClosure,
} from '@polyplus/business-calendar';
import { badUserInput } from '@polyplus/subgraph-kit';
import { Depot } from '../depot/depot.entity';
import { DepotCoverage } from '../depot/depot-coverage.entity';
import { ShippingTerms } from '../depot/shipping-terms.entity';
import { customerIsImporterOfRecord, customsDelayOf, planReplacementFrom, type ReplacementDestination } from '../depot/replacement-plan';
import type { ReplacementClosure, ReplacementDepotTerms, ReplacementExample, ReplacementTerms } from './replacement-terms.type';

/** How many coming holidays the terms list per depot and destination. */
const CLOSURES_LISTED = 3;

const closures = (calendar: BusinessCalendar, from: Date): ReplacementClosure[] =>
  describeCalendar(calendar, { from, count: CLOSURES_LISTED }).upcomingClosures.map((closure: UpcomingClosure) => ({ ...closure }));

/** "Mon–Fri" for a run of weekdays, "Mon, Wed, Fri" otherwise. */
function shippingDays(calendar: BusinessCalendar): string {
  const days = describeCalendar(calendar, { from: new Date(0), count: 0 })
    .weeklyHours.filter((day) => day.hours.length > 0)
    .map((day) => SHORT_WEEKDAY_NAMES[day.weekday]);
  const order = Object.values(SHORT_WEEKDAY_NAMES);
  const contiguous = days.length > 2 && days.every((day, i) => i === 0 || order.indexOf(day) === order.indexOf(days[i - 1]) + 1);
  return contiguous ? `${days[0]}–${days[days.length - 1]}` : days.join(', ');
}

const countryName = (countryCode: string) => getCountry(countryCode)?.name ?? countryCode;

/**
 * The published advance-replacement terms, per destination country: computed on every request from
 * the depots, their coverage, the shipping terms and the business calendars with the same function
 * that plans a real order (`planReplacementFrom`), so what is published is what an order gets.
 */
export class ReplacementTermsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every country a depot serves, by country code. */
  async all(at?: Date): Promise<ReplacementTerms[]> {
    const coverage = await this.dataSource.getRepository(DepotCoverage).find({ order: { countryCode: 'ASC', priority: 'ASC' } });
    const countries = [...new Set(coverage.map((row) => row.countryCode))];
    if (countries.length === 0) return [];
    const [depots, terms] = await Promise.all([
      this.dataSource.getRepository(Depot).findBy({ id: In([...new Set(coverage.map((row) => row.depotId))]) }),
      this.dataSource.getRepository(ShippingTerms).findBy({ countryCode: In(countries) }),
    ]);
    const depotById = new Map(depots.map((depot) => [depot.id, depot]));
    const termsByCountry = new Map(terms.map((row) => [row.countryCode, row]));
    const when = at ?? this.now();
    return countries.map((countryCode) => {
      const serving = coverage.filter((row) => row.countryCode === countryCode).flatMap((row) => depotById.get(row.depotId) ?? []);
      return this.termsOf(countryCode, serving, termsByCountry.get(countryCode) ?? null, when);
    });
  }

  /** One destination country's terms (with a subdivision, its regional holidays too), or null when no depot serves it. */
  async forCountry(
    countryCode: string,
    at?: Date,
    timeZone?: string | null,
    subdivision?: string | null,
  ): Promise<ReplacementTerms | null> {
    const country = getCountry(countryCode);
    if (!country) throw badUserInput(`countryCode ${countryCode} is not an ISO 3166-1 country`, 'countryCode');
    if (timeZone && !(country.timezones as readonly string[]).includes(timeZone)) {
      throw badUserInput(`timeZone ${timeZone} is not a time zone of ${country.name} (${country.id})`, 'timeZone');
    }
    const depots = await this.dataSource
      .getRepository(Depot)
      .createQueryBuilder('depot')
      .innerJoin(DepotCoverage, 'coverage', 'coverage.depotId = depot.id')
      .where('coverage.countryCode = :countryCode', { countryCode })
      .orderBy('coverage.priority', 'ASC')
      .getMany();
    if (depots.length === 0) return null;
    const terms = await this.dataSource.getRepository(ShippingTerms).findOneBy({ countryCode });
    return this.termsOf(countryCode, depots, terms, at ?? this.now(), timeZone ?? undefined, subdivision);
  }

  private termsOf(
    countryCode: string,
    depots: Depot[],
    terms: ShippingTerms | null,
    at: Date,
    timeZone?: string,
    subdivision?: string | null,
  ): ReplacementTerms {
    const destination: ReplacementDestination = { countryCode, subdivision, timeZone: timeZone ?? exampleTimeZone(countryCode, depots[0]) };
    const destinationCalendar = placeCalendar(destination);
    const depotTerms = depots.map((depot, index): ReplacementDepotTerms => {
      const calendar = placeCalendar(depot);
      return {
        priority: index + 1,
        depot,
        cutoffLocalTime: depot.cutoff,
        timeZone: depot.timeZone,
        cutoffDescription: `${depot.cutoff} ${depot.timeZone} time, ${shippingDays(calendar)} except depot holidays`,
        upcomingClosures: closures(calendar, at),
        example: this.example(depot, destination, terms, at),
      };
    });
    const customs = customsDelayOf(terms);
    return {
      countryCode,
      countryName: countryName(countryCode),
      subdivision: destinationCalendar.subdivision ?? null,
      depots: depotTerms,
      deliveryBusinessDays: 1 + customs,
      customsDelayBusinessDays: customs,
      customerIsImporterOfRecord: customerIsImporterOfRecord(terms),
      notes: notesOf(countryCode, depots, terms),
      upcomingDestinationClosures: closures(destinationCalendar, at),
      example: depotTerms[0].example,
    };
  }

  private example(depot: Depot, destination: ReplacementDestination, terms: ShippingTerms | null, at: Date): ReplacementExample {
    const plan = planReplacementFrom(depot, destination, terms, at);
    return {
      orderedAt: at,
      shipsSameDay: plan.shipDate === localDate(placeCalendar(depot), at),
      shipDate: plan.shipDate,
      deliveryDate: plan.deliveryDate,
      expectedDeliveryAt: plan.expectedDeliveryAt,
      timeZone: destination.timeZone,
    };
  }
}

/**
 * The destination zone an example arrival is reckoned in when the caller names none: the first
 * depot's own zone when it lies in the country, otherwise the country's first listed zone. Dates
 * do not depend on it (holidays are the country's and the subdivision's); only the arrival instant does.
 */
function exampleTimeZone(countryCode: string, depot: Depot | undefined): string {
  const zones: readonly string[] = getCountry(countryCode)?.timezones ?? [];
  if (depot && zones.includes(depot.timeZone)) return depot.timeZone;
  return zones[0] ?? depot?.timeZone ?? 'Europe/London';
}

function notesOf(countryCode: string, depots: Depot[], terms: ShippingTerms | null): string[] {
  const name = countryName(countryCode);
  const customs = customsDelayOf(terms);
  const notes = ['Poly pays all freight for advance replacements.'];
  if (customs > 0)
    notes.push(`Customs clearance into ${name} usually adds ${customs} business day${customs === 1 ? '' : 's'} to delivery.`);
  if (customerIsImporterOfRecord(terms)) notes.push(`The customer acts as importer of record for deliveries into ${name}.`);
  depots.slice(1).forEach((alternate, index) => {
    const before = depots.slice(0, index + 1).map((depot) => depot.code);
    notes.push(
      `When ${before.join(' and ')} ${before.length === 1 ? 'does' : 'do'} not have a part in stock, it ships from ${alternate.code} (${countryName(alternate.countryCode)}), cut-off ${alternate.cutoff} ${alternate.timeZone} time.`,
    );
  });
  if (terms?.notes) notes.push(terms.notes);
  return notes;
}
