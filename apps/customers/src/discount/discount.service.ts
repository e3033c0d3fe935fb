import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { badUserInput, conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Customer } from '../customer/customer.entity';
import type { ContractService } from '../contract/contract.service';
import { isIsoDate } from '../shared/iso-date';
import { ServiceDiscount } from './service-discount.entity';
import type { DiscountEligibility } from './discount-eligibility.type';
import type { CreateServiceDiscountInput } from './dto/create-service-discount.input';

export class DiscountService {
  private readonly discounts: Repository<ServiceDiscount>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly contracts: ContractService,
  ) {
    this.discounts = dataSource.getRepository(ServiceDiscount);
  }

  async create(input: CreateServiceDiscountInput): Promise<ServiceDiscount> {
    if (!isIsoDate(input.validFrom)) throw badUserInput(`validFrom ${input.validFrom} is not a calendar date`, 'validFrom');
    if (input.validUntil != null && (!isIsoDate(input.validUntil) || input.validUntil < input.validFrom)) {
      throw badUserInput(`validUntil ${input.validUntil} must be a calendar date not before validFrom`, 'validUntil');
    }
    const discount = this.discounts.create({
      id: randomUUID(),
      ...input,
      serviceName: input.serviceName.trim(),
      validUntil: input.validUntil ?? null,
    });
    try {
      await this.discounts.insert(discount);
      return discount;
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`A discount for service ${input.serviceCode} already exists`);
      throw error;
    }
  }

  list(): Promise<ServiceDiscount[]> {
    return this.discounts.find({ order: { serviceCode: 'ASC' } });
  }

  /** Service description, Selected Discounts: customers with a current Poly+ contract are eligible. */
  async eligibility(customerId: string, on: string): Promise<DiscountEligibility> {
    if (!isIsoDate(on)) throw badUserInput(`on ${on} is not a date yyyy-mm-dd`, 'on');
    if (!(await this.dataSource.getRepository(Customer).existsBy({ id: customerId }))) throw notFound('Customer', customerId);
    const [current] = await this.contracts.currentOn(customerId, on);
    if (!current) return { customerId, on, eligible: false, contractId: null, discounts: [] };
    const discounts = await this.discounts
      .createQueryBuilder('discount')
      .where('discount.validFrom <= :on AND (discount.validUntil IS NULL OR discount.validUntil >= :on)', { on })
      .orderBy('discount.serviceCode', 'ASC')
      .getMany();
    return { customerId, on, eligible: true, contractId: current.id, discounts };
  }
}
