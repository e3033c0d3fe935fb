import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsNotEmpty, MaxLength } from 'class-validator';
import { ProductType } from '../product-type';

@InputType()
export class CreateProductInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  model: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => ProductType)
  @IsEnum(ProductType)
  productType: ProductType;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  onsiteEligible: boolean;
}
