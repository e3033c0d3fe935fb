import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access, badUserInput, CUSTOMER_USERS, STAFF, SUPPORT, type SubgraphContext } from '@polyplus/subgraph-kit';
import { DocumentKind } from './document-kind';
import { ProductDocument } from './product-document.entity';
import { DocumentationService, MAX_DOCUMENTS } from './documentation.service';
import { LANGUAGE_TAG, PublishDocumentInput } from './dto/publish-document.input';

/** "Download the latest Product documentation." */
@Resolver(() => ProductDocument)
export class DocumentationResolver {
  constructor(private readonly documentation: DocumentationService) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => [ProductDocument], {
    description:
      'Product documentation, latest version and publication first. Customers see documents of products they have a device of under a current contract; vendor staff see all.',
  })
  productDocuments(
    @Ctx() { principal }: SubgraphContext,
    @Arg('productId', () => ID, { nullable: true }) productId?: string,
    @Arg('kind', () => DocumentKind, { nullable: true }) kind?: DocumentKind,
    @Arg('language', () => String, { nullable: true, description: 'BCP 47 tag, e.g. en.' }) language?: string,
    @Arg('first', () => Int, { defaultValue: 50, description: `1 to ${MAX_DOCUMENTS}.` }) first = 50,
  ): Promise<ProductDocument[]> {
    if (first < 1 || first > MAX_DOCUMENTS) throw badUserInput(`first must be between 1 and ${MAX_DOCUMENTS}`, 'first');
    if (language !== undefined && language !== null && (language.length > 16 || !LANGUAGE_TAG.test(language)))
      throw badUserInput('language must be a BCP 47 tag such as en or de-DE', 'language');
    return this.documentation.list(principal, { productId, kind, language, first });
  }

  @Access(SUPPORT)
  @Mutation(() => ProductDocument, { description: 'Publishes a document of a product (vendor staff).' })
  publishProductDocument(
    @Arg('input', () => PublishDocumentInput) input: PublishDocumentInput,
    @Ctx() { principal }: SubgraphContext,
  ): Promise<ProductDocument> {
    return this.documentation.publish(input, principal);
  }

  @Access(SUPPORT)
  @Mutation(() => ID, { description: 'Withdraws a published document; returns its id.' })
  withdrawProductDocument(@Arg('id', () => ID) id: string): Promise<string> {
    return this.documentation.withdraw(id);
  }
}
