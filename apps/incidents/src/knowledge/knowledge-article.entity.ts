import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/** A knowledge base article; `title` and `body` carry an InnoDB FULLTEXT index. */
@ObjectType('KnowledgeArticle')
@Entity('knowledge_article')
@Index('FT_knowledge_article_text', ['title', 'body'], { fulltext: true })
export class KnowledgeArticle {
  @Field(() => ID)
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  title: string;

  @Field(() => String)
  @Column('text')
  body: string;

  @Field(() => [String])
  @Column('simple-json')
  products: string[];

  @Field(() => [String])
  @Column('simple-json')
  tags: string[];

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  publishedAt: Date;
}
