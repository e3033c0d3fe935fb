import { Arg, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, Access, CUSTOMER_USERS, STAFF, SUPPORT } from '@polyplus/subgraph-kit';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeSearchHit } from './knowledge-search-hit';
import { KnowledgeBaseService } from './knowledge-base.service';
import { PublishArticleInput } from './dto/publish-article.input';

@Resolver(() => KnowledgeArticle)
export class KnowledgeBaseResolver {
  constructor(private readonly knowledgeBase: KnowledgeBaseService) {}

  @Access(STAFF, CUSTOMER_USERS)
  @Query(() => [KnowledgeSearchHit], { description: 'Full-text search of the knowledge base, most relevant first.' })
  searchKnowledgeBase(
    @Arg('text', () => String) text: string,
    @Arg('product', () => String, { nullable: true }) product?: string,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit = 20,
  ): Promise<KnowledgeSearchHit[]> {
    if (text.trim().length < 3) throw badUserInput('Search text needs at least one word of three letters or more', 'text');
    if (limit < 1 || limit > 100) throw badUserInput('limit must be between 1 and 100', 'limit');
    return this.knowledgeBase.search(text, product, limit);
  }

  @Access(SUPPORT)
  @Mutation(() => KnowledgeArticle)
  publishKnowledgeArticle(@Arg('input', () => PublishArticleInput) input: PublishArticleInput): Promise<KnowledgeArticle> {
    return this.knowledgeBase.publish(input);
  }
}
