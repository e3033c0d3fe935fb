import { Arg, Int, Mutation, Resolver } from 'type-graphql';
import { Access, SUPPORT } from '@polyplus/subgraph-kit';
import { Part } from './part.entity';
import { PriceBook } from './price-book.entity';
import { CatalogService } from './catalog.service';
import { CreateDepotInput, CreatePartInput, CreatePriceBookInput, SetShippingTermsInput, SetStockInput } from './dto/catalog.inputs';
import { Depot } from '../depot/depot.entity';
import { ShippingTerms } from '../depot/shipping-terms.entity';

@Resolver()
export class CatalogResolver {
  constructor(private readonly catalog: CatalogService) {}

  @Access(SUPPORT)
  @Mutation(() => Part)
  createPart(@Arg('input', () => CreatePartInput) input: CreatePartInput): Promise<Part> {
    return this.catalog.createPart(input);
  }

  @Access(SUPPORT)
  @Mutation(() => PriceBook)
  createPriceBook(@Arg('input', () => CreatePriceBookInput) input: CreatePriceBookInput): Promise<PriceBook> {
    return this.catalog.createPriceBook(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Depot)
  createDepot(@Arg('input', () => CreateDepotInput) input: CreateDepotInput): Promise<Depot> {
    return this.catalog.createDepot(input);
  }

  @Access(SUPPORT)
  @Mutation(() => Int, { description: 'Sets a depot’s stock of a part; returns the new quantity.' })
  setStock(@Arg('input', () => SetStockInput) input: SetStockInput): Promise<number> {
    return this.catalog.setStock(input);
  }

  @Access(SUPPORT)
  @Mutation(() => ShippingTerms)
  setShippingTerms(@Arg('input', () => SetShippingTermsInput) input: SetShippingTermsInput): Promise<ShippingTerms> {
    return this.catalog.setShippingTerms(input);
  }
}
