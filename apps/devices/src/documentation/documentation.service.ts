import { randomUUID } from 'node:crypto';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { actorOf, isCustomerScoped, type Principal } from '@polyplus/auth';
import { badUserInput, notFound } from '@polyplus/subgraph-kit';
import { Product } from '../product/product.entity';
import type { CoveredDevices } from '../software/covered-devices';
import { compareVersions } from '../software/software-version';
import type { DocumentKind } from './document-kind';
import { ProductDocument } from './product-document.entity';
import type { PublishDocumentInput } from './dto/publish-document.input';

/** Clock skew allowed for a publication date given by staff. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const MAX_DOCUMENTS = 200;

export type DocumentFilter = { productId?: string | null; kind?: DocumentKind | null; language?: string | null; first: number };

/** Newest version first (documents for every version after the versioned ones), then newest publication. */
function latestFirst(a: ProductDocument, b: ProductDocument): number {
  if (a.softwareVersion && b.softwareVersion) {
    const byVersion = compareVersions(b.softwareVersion, a.softwareVersion);
    if (byVersion !== 0) return byVersion;
  } else if (a.softwareVersion !== b.softwareVersion) {
    return a.softwareVersion ? -1 : 1;
  }
  return b.publishedAt.getTime() - a.publishedAt.getTime() || a.title.localeCompare(b.title);
}

/**
 * Product documentation: vendor staff publish documents per product and software version;
 * customers see those of products they have a device of under a current contract.
 */
export class DocumentationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly covered: CoveredDevices,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(input: PublishDocumentInput, principal: Principal): Promise<ProductDocument> {
    const now = this.now();
    if (input.publishedAt && input.publishedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw badUserInput('publishedAt must not be in the future', 'publishedAt');
    const product = await this.dataSource.getRepository(Product).findOneBy({ id: input.productId });
    if (!product) throw notFound('Product', input.productId);
    const document = Object.assign(new ProductDocument(), {
      id: randomUUID(),
      productId: product.id,
      product,
      title: input.title.trim(),
      kind: input.kind,
      softwareVersion: input.softwareVersion ?? null,
      language: input.language,
      publishedAt: input.publishedAt ?? now,
      downloadUrl: input.downloadUrl,
      publishedBy: actorOf(principal),
    });
    const { product: _product, ...row } = document;
    await this.dataSource.getRepository(ProductDocument).insert(row);
    return document;
  }

  async withdraw(id: string): Promise<string> {
    const result = await this.dataSource.getRepository(ProductDocument).delete({ id });
    if (!result.affected) throw notFound('ProductDocument', id);
    return id;
  }

  /** Latest first; for a customer, only products it has a device of under a current contract. */
  async list(principal: Principal, filter: DocumentFilter): Promise<ProductDocument[]> {
    let productIds: string[] | undefined = filter.productId ? [filter.productId] : undefined;
    if (isCustomerScoped(principal)) {
      const owned = await this.covered.productIds(principal.customerIds);
      productIds = (productIds ?? [...owned]).filter((id) => owned.has(id));
      if (productIds.length === 0) return [];
    }
    const where: FindOptionsWhere<ProductDocument> = {};
    if (productIds) where.productId = In(productIds);
    if (filter.kind) where.kind = filter.kind;
    if (filter.language) where.language = filter.language;
    const documents = await this.dataSource.getRepository(ProductDocument).find({ where });
    return documents.sort(latestFirst).slice(0, filter.first);
  }
}
