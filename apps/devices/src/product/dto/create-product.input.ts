import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';
import { ProductType } from '../product-type';

@InputType()
export class CreateProductInput {
  @Field(() => String, { description: 'Model name as printed on the device, up to 100 characters.' })
  @IsNotBlank()
  @MaxLength(100)
  model: string;

  @Field(() => String, { description: 'Up to 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => ProductType)
  @IsEnum(ProductType)
  productType: ProductType;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  onsiteEligible: boolean;
}
