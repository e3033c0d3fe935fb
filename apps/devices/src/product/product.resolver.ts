import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Access, CUSTOMER_SIDE, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { Product } from './product.entity';
import { ProductService } from './product.service';
import { CreateProductInput } from './dto/create-product.input';

@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly productService: ProductService) {}

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Product])
  products(): Promise<Product[]> {
    return this.productService.list();
  }

  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string): Promise<Product | null> {
    return this.productService.findById(id);
  }

  @Access(SUPPORT)
  @Mutation(() => Product)
  createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput): Promise<Product> {
    return this.productService.create(input);
  }
}
