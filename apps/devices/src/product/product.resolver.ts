import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Product } from './product.entity';
import { ProductService } from './product.service';
import { CreateProductInput } from './dto/create-product.input';

@Resolver(() => Product)
export class ProductResolver {
  constructor(private readonly productService: ProductService) {}

  @Query(() => [Product])
  products(): Promise<Product[]> {
    return this.productService.list();
  }

  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string): Promise<Product | null> {
    return this.productService.findById(id);
  }

  @Mutation(() => Product)
  createProduct(@Arg('input', () => CreateProductInput) input: CreateProductInput): Promise<Product> {
    return this.productService.create(input);
  }
}
