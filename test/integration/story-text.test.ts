/**
 * stories(where: {textContains}) with Chinese text is answered from the `story_text` fulltext
 * index (CJK bigrams). Two characters are one bigram, which the analyzer forms only from two
 * adjacent characters, so those hits are taken without reading the bodies again; three or more are
 * a phrase of bigrams, which can straddle punctuation, so those hits are checked with CONTAINS.
 * These invented stories put the same characters together and apart.
 */
import type { GraphBatch } from '../../src/ingest/batch';
import { loadBatch } from '../../src/ingest/load';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';

jest.setTimeout(60_000);

const DOC = 'doc:00000000000000dd';
const BODIES = [
  ['together', '社区举办就业岗位对接会，现场气氛热烈。'],
  ['apart by a comma', '他说要先就，业余时间再学习。'],
  ['apart by a line break', '大家的成就\n业绩翻番。'],
  ['straddling bigrams', '帮助居民就业，业岗信息每周更新。'],
  ['in the headline only', '本报讯 记者走访了多个社区。'],
] as const;

function page(): GraphBatch {
  const batch: GraphBatch = { document: { id: DOC, source: 'fixture-text.txt' }, stories: [], entities: [], relationships: [], warnings: [] };
  BODIES.forEach(([name, body], position) => {
    const id = `story:00000000000000dd:${position}`;
    const headline = name === 'in the headline only' ? '就业服务进社区' : `测试稿件${position}`;
    batch.stories.push({ id, position, headline, kicker: null, subtitle: null, section: null, date: null, body });
    batch.relationships.push({ type: 'CONTAINS', from: DOC, to: id });
  });
  return batch;
}

describe('stories(textContains) in Chinese', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer();
    await loadBatch(f.driver, page(), { database: f.config.neo4j.database, timeoutMs: 30_000 });
  });
  afterAll(async () => {
    await f.stop();
  });

  async function matching(text: string): Promise<{ total: number; headlines: string[] }> {
    const data = await f.gql<{ stories: { totalCount: number; edges: Array<{ node: { headline: string } }> } }>(
      `query($text: String!) { stories(where: {textContains: $text}, orderBy: HEADLINE_ASC, first: 20) { totalCount edges { node { headline } } } }`,
      { text },
    );
    return { total: data.stories.totalCount, headlines: data.stories.edges.map((edge) => edge.node.headline) };
  }

  // The oracle: a plain CONTAINS over every text field of every story (the fixture's pages too).
  async function containing(text: string): Promise<string[]> {
    const result = await f.driver.executeQuery(
      `MATCH (s:Story) WHERE s.headline CONTAINS $text OR coalesce(s.kicker, '') CONTAINS $text
         OR coalesce(s.subtitle, '') CONTAINS $text OR s.body CONTAINS $text
       RETURN s.headline AS headline ORDER BY headline`,
      { text },
      { database: f.config.neo4j.database },
    );
    return result.records.map((record) => record.get('headline') as string);
  }
  const mine = (headlines: string[]) => headlines.filter((headline) => headline.startsWith('测试稿件') || headline === '就业服务进社区').sort();

  it('two characters match only where they stand together, in the body or the headline', async () => {
    const found = await matching('就业');
    expect(mine(found.headlines)).toEqual(['就业服务进社区', '测试稿件0', '测试稿件3'].sort());
  });

  it('three characters match only the text itself, not bigrams that straddle punctuation', async () => {
    const found = await matching('就业岗');
    expect(mine(found.headlines)).toEqual(['测试稿件0']);
  });

  it('agrees with a plain CONTAINS over every text field, page and total', async () => {
    for (const text of ['就业', '业岗', '社区', '就业岗位', '成就']) {
      const [found, expected] = [await matching(text), await containing(text)];
      expect(found.total).toBe(expected.length);
      expect(found.headlines.sort()).toEqual(expected.slice(0, 20).sort());
    }
  });
});
