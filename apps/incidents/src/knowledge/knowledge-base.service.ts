import { randomUUID } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { KnowledgeArticle } from './knowledge-article.entity';
import { KnowledgeArticleProduct } from './knowledge-article-product.entity';
import type { KnowledgeSearchHit } from './knowledge-search-hit';
import type { PublishArticleInput } from './dto/publish-article.input';

/**
 * Articles with an InnoDB FULLTEXT index on title and body, searched in natural language mode.
 * InnoDB ignores words shorter than 3 characters (innodb_ft_min_token_size) and its stopwords.
 */
export class KnowledgeBaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  publish(input: PublishArticleInput): Promise<KnowledgeArticle> {
    const products = [...new Set(input.products.map((product) => product.trim()))];
    const article = Object.assign(new KnowledgeArticle(), {
      id: randomUUID(),
      title: input.title.trim(),
      body: input.body,
      products,
      tags: [...new Set(input.tags.map((tag) => tag.trim().toLowerCase()))],
      publishedAt: this.now(),
    });
    return this.dataSource.transaction(async (manager) => {
      await manager.insert(KnowledgeArticle, article);
      await manager.insert(
        KnowledgeArticleProduct,
        products.map((product) => ({ articleId: article.id, product })),
      );
      return article;
    });
  }

  /** Ranked by relevance; only articles for `product` when given. */
  async search(text: string, product?: string | null, limit = 20): Promise<KnowledgeSearchHit[]> {
    const filter = product ? 'AND a.id IN (SELECT p.articleId FROM knowledge_article_product p WHERE p.product = ?)' : '';
    const rows: { id: string; score: number }[] = await this.dataSource.query(
      `SELECT a.id, MATCH(a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE) AS score FROM knowledge_article a
       WHERE MATCH(a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE) ${filter}
       ORDER BY score DESC, a.publishedAt DESC LIMIT ?`,
      product ? [text, text, product, limit] : [text, text, limit],
    );
    const articles = await this.dataSource.getRepository(KnowledgeArticle).findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(articles.map((article) => [article.id, article]));
    return rows.flatMap((row) => {
      const article = byId.get(row.id);
      return article ? [{ article, score: Number(row.score) }] : [];
    });
  }
}
