import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { conflict, notFound } from '@polyplus/subgraph-kit';
import { isDuplicateEntry } from '@polyplus/persistence';
import { Product } from './product.entity';
import type { CreateProductInput } from './dto/create-product.input';

export class ProductService {
  private readonly products: Repository<Product>;

  constructor(dataSource: DataSource) {
    this.products = dataSource.getRepository(Product);
  }

  async create(input: CreateProductInput): Promise<Product> {
    const product = this.products.create({ id: randomUUID(), ...input, model: input.model.trim(), name: input.name.trim() });
    try {
      await this.products.insert(product);
      return product;
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`Product model ${product.model} already exists`);
      throw error;
    }
  }

  findById(id: string): Promise<Product | null> {
    return this.products.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Product[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.products.findBy({ id: In(ids) });
  }

  async getById(id: string): Promise<Product> {
    const product = await this.findById(id);
    if (!product) throw notFound('Product', id);
    return product;
  }

  /** Products by model name: the key customers use when they register by serial number. */
  async byModels(models: string[]): Promise<Map<string, Product>> {
    const unique = [...new Set(models)];
    const found = unique.length === 0 ? [] : await this.products.findBy({ model: In(unique) });
    return new Map(found.map((product) => [product.model, product]));
  }

  list(): Promise<Product[]> {
    return this.products.find({ order: { model: 'ASC' } });
  }
}
