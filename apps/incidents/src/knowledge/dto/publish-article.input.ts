import { Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, MaxLength } from 'class-validator';

@InputType()
export class PublishArticleInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(60_000)
  body: string;

  @Field(() => [String], { description: 'Product models the article applies to, e.g. "Studio X50".' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsNotEmpty({ each: true })
  @MaxLength(60, { each: true })
  products: string[];

  @Field(() => [String])
  @ArrayMaxSize(50)
  @MaxLength(60, { each: true })
  tags: string[];
}
