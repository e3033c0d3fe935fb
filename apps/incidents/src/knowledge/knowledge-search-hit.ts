import { Field, Float, ObjectType } from 'type-graphql';
import { KnowledgeArticle } from './knowledge-article.entity';

@ObjectType('KnowledgeSearchHit', { description: 'An article and its full-text relevance (higher is better).' })
export class KnowledgeSearchHit {
  @Field(() => KnowledgeArticle)
  article: KnowledgeArticle;

  @Field(() => Float)
  score: number;
}
