import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { In } from 'typeorm';
import { notFound } from '@polyplus/subgraph-kit';
import { Customer } from './customer.entity';
import type { CreateCustomerInput } from './dto/create-customer.input';

export class CustomerService {
  private readonly customers: Repository<Customer>;

  constructor(dataSource: DataSource) {
    this.customers = dataSource.getRepository(Customer);
  }

  async create(input: CreateCustomerInput): Promise<Customer> {
    const customer = this.customers.create({ id: randomUUID(), name: input.name.trim() });
    return this.customers.save(customer);
  }

  findById(id: string): Promise<Customer | null> {
    return this.customers.findOneBy({ id });
  }

  async getById(id: string): Promise<Customer> {
    const customer = await this.findById(id);
    if (!customer) throw notFound('Customer', id);
    return customer;
  }

  findByIds(ids: string[]): Promise<Customer[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.customers.findBy({ id: In(ids) });
  }

  list(): Promise<Customer[]> {
    return this.customers.find({ order: { name: 'ASC' } });
  }
}
