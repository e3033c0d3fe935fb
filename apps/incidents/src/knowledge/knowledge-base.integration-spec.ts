import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { incidentsSubgraph } from '../incidents-subgraph';
import { KnowledgeBaseService } from './knowledge-base.service';

describe('knowledge base', () => {
  let db: TestDatabase;
  let kb: KnowledgeBaseService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase('incidents_kb', incidentsSubgraph.database);
    kb = new KnowledgeBaseService(db.dataSource);
    const articles = [
      {
        key: 'echo',
        title: 'Acoustic echo during calls',
        body: 'Echo heard by the far end: enable acoustic echo cancellation and check speaker placement.',
        products: ['Studio X50'],
        tags: ['Audio'],
      },
      {
        key: 'echoBar',
        title: 'Echo on video bars',
        body: 'Video bars may produce echo when the external speaker is enabled.',
        products: ['Studio X30'],
        tags: ['audio'],
      },
      {
        key: 'hdmi',
        title: 'No picture over HDMI',
        body: 'Check the HDMI cable and the display input; reboot the system.',
        products: ['Studio X50', 'Studio X30'],
        tags: ['video'],
      },
    ];
    for (const { key, ...input } of articles) ids[key] = (await kb.publish(input)).id;
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('full-text search ranks the article that matches the words best first', async () => {
    const hits = await kb.search('acoustic echo cancellation');
    expect(hits.map((hit) => hit.article.id)).toEqual([ids.echo, ids.echoBar]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('search is filtered by product', async () => {
    expect((await kb.search('echo', 'Studio X30')).map((hit) => hit.article.id)).toEqual([ids.echoBar]);
    expect((await kb.search('HDMI picture', 'Studio X30')).map((hit) => hit.article.id)).toEqual([ids.hdmi]);
    expect(await kb.search('echo', 'Trio C60')).toEqual([]);
  });

  it('an article keeps its products and lower-cased, distinct tags', async () => {
    const [hit] = await kb.search('speaker placement');
    expect(hit.article).toMatchObject({ products: ['Studio X50'], tags: ['audio'] });
  });
});
