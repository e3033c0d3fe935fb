import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsByteLength, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

// knowledge_article.body is a TEXT column: 65,535 bytes of UTF-8, whatever the characters.
const MAX_BODY_BYTES = 65_535;

// Products are stored one row each under a case- and accent-insensitive collation, as trimmed:
// "Studio X50" and " studio x50" are the same product there.
const productKey = (product: unknown) =>
  typeof product === 'string' ? product.trim().normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase() : product;

@InputType()
export class PublishArticleInput {
  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  title: string;

  @Field(() => String, { description: 'Up to 60,000 characters and 65,535 bytes of UTF-8.' })
  @IsNotBlank()
  @MaxLength(60_000)
  @IsByteLength(0, MAX_BODY_BYTES, { message: `body must be at most ${MAX_BODY_BYTES} bytes of UTF-8` })
  body: string;

  @Field(() => [String], {
    description: 'Product models the article applies to, e.g. "Studio X50": 1 to 50, each up to 60 characters and named once.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique(productKey, { message: 'products must name each product once (case and accents aside)' })
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  products: string[];

  @Field(() => [String], { description: 'Up to 50 tags, each up to 60 characters.' })
  @ArrayMaxSize(50)
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  tags: string[];
}
