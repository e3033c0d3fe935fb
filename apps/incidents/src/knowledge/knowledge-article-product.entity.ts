import { Entity, Index, PrimaryColumn } from 'typeorm';

/** Which products an article applies to: the indexed filter of a knowledge base search. */
@Entity('knowledge_article_product')
@Index('IDX_knowledge_article_product_product', ['product'])
export class KnowledgeArticleProduct {
  @PrimaryColumn('char', { length: 36 })
  articleId: string;

  @PrimaryColumn('varchar', { length: 60 })
  product: string;
}
