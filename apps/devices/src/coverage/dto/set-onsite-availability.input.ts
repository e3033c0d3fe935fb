import { Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, Matches } from 'class-validator';
import { ProductType } from '../../product/product-type';

@InputType()
export class SetOnsiteAvailabilityInput {
  @Field(() => String)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code such as GB' })
  countryCode: string;

  @Field(() => String, { nullable: true, description: 'Omit for a country-wide rule.' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{1,3}$/, { message: 'subdivision must be an ISO 3166-2 subdivision code such as ENG or TX' })
  subdivision?: string;

  @Field(() => ProductType)
  @IsEnum(ProductType)
  productType: ProductType;

  @Field(() => Boolean)
  @IsBoolean()
  available: boolean;
}
