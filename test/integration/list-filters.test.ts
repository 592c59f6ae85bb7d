/**
 * The paged lists' filters combine as a conjunction, whichever filter the query starts from: a
 * list's query text holds only the predicates of the filters a request gives, less those its
 * anchor guarantees (list.repository.ts), so for every pair of filters on the seed graph the
 * answer to both must be exactly the stories (or entities) in the answers to each, in order.
 * Filter values are read from the graph, not written here, so that extraction may change.
 */
import type { FixtureServer } from '../unit/api/fixture-server';
import { startSeedServer } from './seed-server';

jest.setTimeout(180_000);

let f: FixtureServer;
beforeAll(async () => {
  f = await startSeedServer();
});
afterAll(async () => {
  await f.stop();
});

type Filter = Record<string, unknown>;
type Page = { totalCount: number; edges: Array<{ node: { id: string } }> };

async function one<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const { records } = await f.driver.executeQuery(cypher, params, { database: f.config.neo4j.database });
  if (records.length === 0 || records[0].get(0) === null) throw new Error(`no value in the seed graph for: ${cypher}`);
  return records[0].get(0) as T;
}

async function ids(field: string, filterType: string, where: Filter, orderBy: string): Promise<string[]> {
  const data = await f.gql<Record<string, Page>>(
    `query($where: ${filterType}) { list: ${field}(where: $where, orderBy: ${orderBy}, first: 100) { totalCount edges { node { id } } } }`,
    { where },
  );
  const page = data.list;
  // The whole answer on one page, so the sets compared are the whole answers.
  expect(page.edges).toHaveLength(page.totalCount);
  return page.edges.map((edge) => edge.node.id);
}

async function expectPairsConjoin(field: string, filterType: string, filters: Record<string, Filter>, orderBy: string): Promise<void> {
  const alone = new Map<string, string[]>();
  for (const [name, where] of Object.entries(filters)) alone.set(name, await ids(field, filterType, where, orderBy));
  const names = Object.keys(filters);
  let nonEmpty = 0;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      // Two values of one filter (textContains) are not a pair: one would replace the other.
      if (Object.keys(filters[names[i]]).some((key) => key in filters[names[j]])) continue;
      const both = await ids(field, filterType, { ...filters[names[i]], ...filters[names[j]] }, orderBy);
      const second = new Set(alone.get(names[j]));
      expect({ pair: [names[i], names[j]], ids: both }).toEqual({ pair: [names[i], names[j]], ids: alone.get(names[i])!.filter((id) => second.has(id)) });
      if (both.length > 0) nonEmpty += 1;
    }
  }
  // Pairs that match nothing prove little: some must match something.
  expect({ field, nonEmpty: nonEmpty > 0 }).toEqual({ field, nonEmpty: true });
}

it('combines every pair of story filters as both, from either anchor', async () => {
  const reporter = await one<string>('MATCH (p:Person)-[:REPORTED]->(:Story) RETURN p.name ORDER BY COUNT { (p)-[:REPORTED]->() } DESC, p.name LIMIT 1');
  const section = await one<string>("MATCH (s:Story) WHERE s.section IS NOT NULL RETURN s.section ORDER BY COUNT { (s)-[:MENTIONS]->(:Place {name: '芦淞区'}) } DESC, s.section LIMIT 1");
  const date = await one<string>('MATCH (s:Story) WHERE s.date IS NOT NULL RETURN s.date ORDER BY s.date LIMIT 1');
  const filters: Record<string, Filter> = {
    place: { place: '芦淞区' },
    mentions: { mentions: ['株洲市'] },
    reporter: { reporter },
    section: { section },
    headline: { headlineContains: '就业' },
    bigram: { textContains: '就业' },
    phrase: { textContains: '就业见习' },
    character: { textContains: '岗' },
    date: { dateFrom: date, dateTo: date },
  };
  await expectPairsConjoin('stories', 'StoryFilter', filters, 'HEADLINE_ASC');
});

it('combines every pair of entity filters as both, for each entity list', async () => {
  const organisationType = await one<string>("MATCH (o:Organisation)-[:BASED_IN]->(:Place)-[:PART_OF*0..8]->(:Place {name: '株洲市'}) WHERE o.type IS NOT NULL RETURN o.type ORDER BY o.type LIMIT 1");
  const employer = await one<string>('MATCH (:Person)-[:HOLDS_POSITION]->(o:Organisation) RETURN o.name ORDER BY COUNT { (o)<-[:HOLDS_POSITION]-() } DESC, o.name LIMIT 1');
  const surname = await one<string>('MATCH (p:Person)-[:HOLDS_POSITION]->(:Organisation {name: $employer}) RETURN left(p.name, 1) ORDER BY p.name LIMIT 1', { employer });
  const agency = await one<string>('MATCH (a:Entity)-[:RUNS]->(:Programme) RETURN a.name ORDER BY COUNT { (a)-[:RUNS]->() } DESC, a.name LIMIT 1');
  await expectPairsConjoin('organisations', 'OrganisationFilter', { name: { nameContains: '株洲' }, type: { type: organisationType }, place: { place: '株洲市' } }, 'NAME_ASC');
  await expectPairsConjoin('places', 'PlaceFilter', { name: { nameContains: '区' }, level: { level: 'DISTRICT' }, within: { within: '株洲市' } }, 'NAME_ASC');
  await expectPairsConjoin('programmes', 'ProgrammeFilter', { name: { nameContains: '就业' }, kind: { kind: 'EMPLOYMENT' }, place: { place: '株洲市' }, agency: { agency } }, 'NAME_ASC');
  await expectPairsConjoin('people', 'PersonFilter', { name: { nameContains: surname }, organisation: { organisation: employer } }, 'NAME_ASC');
});
