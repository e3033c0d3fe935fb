import { Arg, Query, Resolver } from 'type-graphql';
import { Access, badUserInput, CUSTOMER_SIDE, plausibleInstantArg, STAFF } from '@polyplus/subgraph-kit';
import { ReplacementTerms } from './replacement-terms.type';
import { ReplacementTermsService } from './replacement-terms.service';

const COUNTRY = /^[A-Z]{2}$/;
// The form a site's subdivision is stored in (customers' site input).
const SUBDIVISION = /^[A-Z0-9]{1,3}$/;
const MAX_TIME_ZONE_LENGTH = 64;
const AT = {
  nullable: true,
  validateFn: plausibleInstantArg('at'),
  description: 'The instant the example order is placed; default now. A year from 1970 to 2999.',
};

/** The published location-specific advance-replacement timeframes and shipping terms: public, no sign-in. */
@Resolver(() => ReplacementTerms)
export class ReplacementTermsResolver {
  constructor(private readonly terms: ReplacementTermsService) {}

  @Access('PUBLIC', STAFF, CUSTOMER_SIDE)
  @Query(() => [ReplacementTerms], {
    description: 'Advance-replacement terms of every destination country a depot serves, by country code. Open without signing in.',
  })
  publishedReplacementTerms(@Arg('at', () => Date, AT) at?: Date): Promise<ReplacementTerms[]> {
    return this.terms.all(at);
  }

  @Access('PUBLIC', STAFF, CUSTOMER_SIDE)
  @Query(() => ReplacementTerms, {
    nullable: true,
    description: 'Advance-replacement terms of one destination country; null when no depot serves it. Open without signing in.',
  })
  replacementTerms(
    @Arg('countryCode', () => String, { description: 'ISO 3166-1 alpha-2, e.g. CH.' }) countryCode: string,
    @Arg('at', () => Date, AT) at?: Date,
    @Arg('timeZone', () => String, {
      nullable: true,
      description: 'A time zone of the country (e.g. a site’s) to reckon the example arrival in; up to 64 characters.',
    })
    timeZone?: string,
    @Arg('subdivision', () => String, {
      nullable: true,
      description:
        'A subdivision of the country (a site’s, ISO 3166-2 without the country, e.g. BY or SCT) whose regional holidays count too.',
    })
    subdivision?: string,
  ): Promise<ReplacementTerms | null> {
    if (!COUNTRY.test(countryCode)) throw badUserInput('countryCode must be an ISO 3166-1 alpha-2 code such as CH', 'countryCode');
    if (timeZone !== undefined && timeZone !== null && timeZone.length > MAX_TIME_ZONE_LENGTH)
      throw badUserInput(`timeZone must be at most ${MAX_TIME_ZONE_LENGTH} characters`, 'timeZone');
    if (subdivision !== undefined && subdivision !== null && !SUBDIVISION.test(subdivision)) {
      throw badUserInput('subdivision must be an ISO 3166-2 subdivision code without the country, such as BY or SCT', 'subdivision');
    }
    return this.terms.forCountry(countryCode, at, timeZone, subdivision);
  }
}
