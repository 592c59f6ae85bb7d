/**
 * Pins the Cypher and parameters the key requests produce (programmeRuns, search, path): the
 * query text is one constant (its text is snapshotted in test/unit/api/cypher.test.ts) and user
 * input only ever arrives as parameters.
 */
import { PATH_QUERIES } from '../../src/api/repositories/path.repository';
import { programmeRunsStatement } from '../../src/api/repositories/programme-run.repository';
import { SEARCH_QUERY } from '../../src/api/repositories/search.repository';
import { IDS } from '../unit/api/fixture';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';

jest.setTimeout(60_000);

let f: FixtureServer;
beforeAll(async () => {
  f = await startFixtureServer();
});
afterAll(async () => {
  await f.stop();
});
beforeEach(() => {
  f.queries.length = 0;
});

it('programmeRuns(where: {place: "芦淞区"}) runs one roll-up query, evidence stories included, with the predicates of its filters only', async () => {
  await f.gql('{ programmeRuns(where: {place: "芦淞区", kind: EMPLOYMENT}) { agency { name } evidence { story { headline } } } }');
  const params = { place: '芦淞区', agency: null, kind: 'EMPLOYMENT' as const, publishedFrom: null, publishedTo: null, limit: 100 };
  expect(f.queries).toEqual([{ cypher: programmeRunsStatement({ ...params, withEvidence: true }).cypher, params }]);
  expect(f.queries[0].cypher).toContain('p.kind = $kind');
  expect(f.queries[0].cypher).not.toMatch(/\$(agency|publishedFrom|publishedTo)\b/);
  expect(f.queries[0].cypher).not.toMatch(/\$\w+ IS NULL OR/);
});

it('programmeRuns without evidence runs the lean query of its anchor (no sentences, no stories)', async () => {
  await f.gql('{ programmeRuns(where: {agency: "芦淞区"}) { agency { name } programme { name } } }');
  expect(f.queries).toEqual([
    { cypher: programmeRunsStatement({ place: null, agency: '芦淞区', kind: null, publishedFrom: null, publishedTo: null, limit: 100, withEvidence: false }).cypher, params: { place: null, agency: '芦淞区', kind: null, publishedFrom: null, publishedTo: null, limit: 100 } },
  ]);
});

it('search passes the escaped Lucene query as a parameter', async () => {
  await f.gql('{ search(text: "Lusong District", kinds: [PLACE], first: 3) { name } }');
  expect(f.queries).toEqual([
    {
      cypher: SEARCH_QUERY,
      params: {
        lucene: '(lusong^4 OR lusong*^2)',
        exact: 'Lusong',
        kinds: ['Place'],
        first: 3,
        candidates: 50,
      },
    },
  ]);
});

it('path picks the constant query of its hop limit', async () => {
  await f.gql(`{ path(from: "${IDS.xie}", to: "${IDS.renshe}", maxHops: 3) { length } }`);
  expect(f.queries).toEqual([{ cypher: PATH_QUERIES[3], params: { from: IDS.xie, to: IDS.renshe } }]);
  expect(PATH_QUERIES[3]).toContain('*..3]');
});
