import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { OnsiteAvailabilityRule } from './onsite-availability-rule.entity';
import type { SetOnsiteAvailabilityInput } from './dto/set-onsite-availability.input';

export class OnsiteRulesService {
  private readonly rules: Repository<OnsiteAvailabilityRule>;

  constructor(dataSource: DataSource) {
    this.rules = dataSource.getRepository(OnsiteAvailabilityRule);
  }

  /** Creates or replaces the rule for a place and product type in one statement (no check-then-insert). */
  async set(input: SetOnsiteAvailabilityInput): Promise<OnsiteAvailabilityRule> {
    const key = { countryCode: input.countryCode, subdivision: input.subdivision ?? '', productType: input.productType };
    await this.rules
      .createQueryBuilder()
      .insert()
      .values({ id: randomUUID(), ...key, available: input.available })
      .orUpdate(['available'], ['countryCode', 'subdivision', 'productType'])
      .execute();
    return (await this.rules.findOneBy(key)) as OnsiteAvailabilityRule;
  }

  list(): Promise<OnsiteAvailabilityRule[]> {
    return this.rules.find({ order: { countryCode: 'ASC', subdivision: 'ASC', productType: 'ASC' } });
  }
}
