/**
 * programmeStats, topAgencies and the publication-date filters on the seed graph, pinned against
 * hand-written Cypher over the same graph (the counts are whatever extraction finds; the test
 * pins that the roll-up counts them as a person writing Cypher by hand would).
 *
 * Publication dates: this branch's loader does not store Story.publishedOn yet (the archive work
 * does, from the page's path or date line), so the set-up writes a FIXTURE date per seed page
 * with one parameterised write: pages in file-name order get 2023-01-10, 2023-01-20, 2023-02-10,
 * 2023-03-10, 2023-03-20.
 */
import type { FixtureServer } from '../unit/api/fixture-server';
import { startSeedServer } from './seed-server';

jest.setTimeout(120_000);

const FIXTURE_DAYS = ['2023-01-10', '2023-01-20', '2023-02-10', '2023-03-10', '2023-03-20'];

let f: FixtureServer;
beforeAll(async () => {
  f = await startSeedServer();
  await f.driver.executeQuery(
    `MATCH (d:Document) WITH d ORDER BY d.source
     WITH collect(d) AS documents
     UNWIND range(0, size(documents) - 1) AS i
     WITH documents[i] AS d, $days[i] AS day
     MATCH (d)-[:CONTAINS]->(s:Story)
     SET d.publishedOn = date(day), s.publishedOn = date(day)`,
    { days: FIXTURE_DAYS },
    { database: f.config.neo4j.database },
  );
});
afterAll(async () => {
  await f.stop();
});

async function cypher<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await f.driver.executeQuery(query, params, { database: f.config.neo4j.database });
  return result.records.map((record) => record.toObject() as T);
}

// The programmes a place's roll-up answers, by hand: held in a place inside it (and run by
// someone), or run by a place inside it and held nowhere; with the stories stating each run.
const RUNS_INSIDE = `
MATCH (:Place {name: $place})<-[:PART_OF*0..8]-(x:Place)
WITH DISTINCT x
CALL (x) {
  MATCH (p:Programme)-[h:HELD_IN]->(x) MATCH (a:Entity)-[r:RUNS]->(p) RETURN p, a, [r.story, h.story] AS storyIds
  UNION
  MATCH (x)-[r:RUNS]->(p:Programme) WHERE NOT EXISTS { (p)-[:HELD_IN]->(:Place) } RETURN p, x AS a, [r.story] AS storyIds
}`;

type Group = { key: string; label: string; count: number; stories: number; agencies: number };
const STATS = `query($where: ProgrammeStatsFilter, $groupBy: [StatsGroupBy!]!, $first: Int, $after: String) {
  programmeStats(where: $where, groupBy: $groupBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { key label count stories agencies parts { dimension key label } } }
  } }`;

async function allGroups(where: Record<string, unknown>, groupBy: string[]): Promise<Group[]> {
  const { programmeStats } = await f.gql<{ programmeStats: { totalCount: number; edges: Array<{ node: Group }> } }>(STATS, { where, groupBy, first: 100 });
  expect(programmeStats.edges).toHaveLength(programmeStats.totalCount);
  return programmeStats.edges.map((edge) => edge.node);
}

const asCounts = (groups: Array<{ key: string; count: number }>) => Object.fromEntries(groups.filter((g) => g.key !== '').map((g) => [g.key, g.count]));

it('groups 株洲市 by DISTRICT, each district counting its streets and communities, as hand-written Cypher does', async () => {
  const groups = await allGroups({ place: '株洲市' }, ['DISTRICT']);
  const expected = await cypher<{ key: string; count: number }>(
    `MATCH (d:Place {level: 'DISTRICT'})-[:PART_OF*0..8]->(:Place {name: '株洲市'})
     WITH DISTINCT d
     CALL (d) {
       MATCH (p:Programme)-[:HELD_IN]->(:Place)-[:PART_OF*0..8]->(d) WHERE EXISTS { (:Entity)-[:RUNS]->(p) } RETURN p
       UNION
       MATCH (a:Place)-[:PART_OF*0..8]->(d) MATCH (a)-[:RUNS]->(p:Programme) WHERE NOT EXISTS { (p)-[:HELD_IN]->(:Place) } RETURN p
     }
     RETURN d.id AS key, count(DISTINCT p) AS count`,
  );
  expect(expected.length).toBeGreaterThan(1);
  expect(asCounts(groups)).toEqual(asCounts(expected));
  // Sorted by count, largest first.
  expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a));
  // 芦淞区's group counts what programmeRuns answers for 芦淞区.
  const lusong = groups.find((g) => g.label === '芦淞区')!;
  const { programmeRuns } = await f.gql<{ programmeRuns: Array<{ programme: { id: string }; agency: { id: string } }> }>('{ programmeRuns(where: {place: "芦淞区"}) { programme { id } agency { id } } }');
  expect(lusong.count).toBe(new Set(programmeRuns.map((run) => run.programme.id)).size);
  expect(lusong.agencies).toBe(new Set(programmeRuns.map((run) => run.agency.id)).size);
});

it('groups 芦淞区 by KIND and by MONTH (Story.publishedOn), with stories and agencies, as hand-written Cypher does', async () => {
  const byKind = await allGroups({ place: '芦淞区' }, ['KIND']);
  const kinds = await cypher<{ key: string; count: number; stories: number; agencies: number }>(
    `${RUNS_INSIDE}
     UNWIND storyIds AS storyId
     RETURN p.kind AS key, count(DISTINCT p) AS count, count(DISTINCT storyId) AS stories, count(DISTINCT a) AS agencies`,
    { place: '芦淞区' },
  );
  expect(Object.fromEntries(byKind.map((g) => [g.key, [g.count, g.stories, g.agencies]]))).toEqual(
    Object.fromEntries(kinds.map((g) => [g.key, [g.count, g.stories, g.agencies]])),
  );

  const byMonth = await allGroups({ place: '株洲市' }, ['MONTH']);
  const months = await cypher<{ key: string; count: number }>(
    `${RUNS_INSIDE}
     UNWIND storyIds AS storyId MATCH (s:Story {id: storyId})
     RETURN left(toString(s.publishedOn), 7) AS key, count(DISTINCT p) AS count`,
    { place: '株洲市' },
  );
  expect(months.length).toBeGreaterThan(1);
  expect(asCounts(byMonth)).toEqual(asCounts(months));
  expect(byMonth.every((g) => /^2023-0[1-3]$/.test(g.key))).toBe(true);
});

// The district and subdistrict keys of each run by hand: the union over the run's places (held
// inside the filter place, or the agency itself for a place that ran a programme held nowhere)
// of the places of those levels each is PART_OF, the place included; then their cross product,
// '' where a run reaches none. `runs` yields (a, p, places) per run.
const ROLLED_UP = (runs: string) => `${runs}
CALL (places) {
  UNWIND places AS x OPTIONAL MATCH (x)-[:PART_OF*0..8]->(d:Place) WHERE d.level = 'DISTRICT' RETURN collect(DISTINCT d.id) AS ds
}
CALL (places) {
  UNWIND places AS x OPTIONAL MATCH (x)-[:PART_OF*0..8]->(s:Place) WHERE s.level IN ['SUBDISTRICT', 'TOWN'] RETURN collect(DISTINCT s.id) AS ss
}
UNWIND CASE WHEN ds = [] THEN [''] ELSE ds END AS d
UNWIND CASE WHEN ss = [] THEN [''] ELSE ss END AS s
RETURN d AS district, s AS subdistrict, count(DISTINCT p) AS count, count(DISTINCT a) AS agencies`;

const PLACE_RUNS = `
MATCH (:Place {name: $place})<-[:PART_OF*0..8]-(x:Place)
WITH DISTINCT x
CALL (x) {
  MATCH (p:Programme)-[:HELD_IN]->(x) MATCH (a:Entity)-[:RUNS]->(p) RETURN p, a, x AS held
  UNION
  MATCH (x)-[:RUNS]->(p:Programme) WHERE NOT EXISTS { (p)-[:HELD_IN]->(:Place) } RETURN p, x AS a, x AS held
}
WITH a, p, collect(DISTINCT held) AS places`;

const AGENCY_RUNS = `
MATCH (a:Entity {name: $agency})-[:RUNS]->(p:Programme)
WITH DISTINCT a, p
OPTIONAL MATCH (p)-[:HELD_IN]->(pl:Place)
WITH a, p, collect(DISTINCT pl) AS held
WITH a, p, CASE WHEN size(held) > 0 THEN held WHEN a:Place THEN [a] ELSE [] END AS places`;

type Rolled = { district: string; subdistrict: string; count: number; agencies: number };
const byKey = (groups: Array<{ key: string; count: number; agencies: number }>) => Object.fromEntries(groups.map((g) => [g.key, [g.count, g.agencies]]));

it('groups by SUBDISTRICT and by DISTRICT × SUBDISTRICT (the "(none)" groups included), from a place and from an agency, as hand-written Cypher does', async () => {
  const place = await cypher<Rolled>(ROLLED_UP(PLACE_RUNS), { place: '株洲市' });
  const crossed = await allGroups({ place: '株洲市' }, ['DISTRICT', 'SUBDISTRICT']);
  expect(crossed.length).toBeGreaterThan(3);
  expect(byKey(crossed)).toEqual(byKey(place.map((row) => ({ key: `${row.district}|${row.subdistrict}`, count: row.count, agencies: row.agencies }))));
  // Alone, a dimension groups the same runs by its own key.
  const subdistricts = await allGroups({ place: '株洲市' }, ['SUBDISTRICT']);
  const bySubdistrict = await cypher<{ key: string; count: number; agencies: number }>(
    `${ROLLED_UP(PLACE_RUNS).replace(/RETURN d AS district.*$/s, '')} WITH DISTINCT s AS key, a, p RETURN key, count(DISTINCT p) AS count, count(DISTINCT a) AS agencies`,
    { place: '株洲市' },
  );
  expect(subdistricts.some((g) => g.key !== '')).toBe(true);
  expect(byKey(subdistricts)).toEqual(byKey(bySubdistrict));

  // From an agency (no place filter): every place its programmes were held in counts.
  const agency = '株洲市人力资源和社会保障局';
  const fromAgency = await allGroups({ agency }, ['DISTRICT', 'SUBDISTRICT']);
  const expected = await cypher<Rolled>(ROLLED_UP(AGENCY_RUNS), { agency });
  expect(fromAgency.length).toBeGreaterThan(0);
  expect(byKey(fromAgency)).toEqual(byKey(expected.map((row) => ({ key: `${row.district}|${row.subdistrict}`, count: row.count, agencies: row.agencies }))));
});

it('topAgencies ranks the bodies that ran most programmes under the filter, as hand-written Cypher does', async () => {
  const { topAgencies } = await f.gql<{ topAgencies: Array<{ agency: { id: string; name: string }; count: number; stories: number }> }>(
    '{ topAgencies(where: {place: "株洲市"}, first: 5) { agency { id name } count stories } }',
  );
  const expected = await cypher<{ id: string; count: number }>(
    `${RUNS_INSIDE}
     RETURN a.id AS id, count(DISTINCT p) AS count ORDER BY count DESC`,
    { place: '株洲市' },
  );
  expect(topAgencies.length).toBe(Math.min(5, expected.length));
  const byId = Object.fromEntries(expected.map((row) => [row.id, row.count]));
  for (const row of topAgencies) expect(row.count).toBe(byId[row.agency.id]);
  expect(topAgencies[0].count).toBe(expected[0].count);
});

it('pages groups with cursors, and crosses dimensions in the order given', async () => {
  const all = await allGroups({ place: '株洲市' }, ['AGENCY', 'KIND']);
  const first = await f.gql<{ programmeStats: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: Group & { parts: Array<{ dimension: string }> } }> } }>(
    STATS,
    { where: { place: '株洲市' }, groupBy: ['AGENCY', 'KIND'], first: 2 },
  );
  expect(first.programmeStats.totalCount).toBe(all.length);
  expect(first.programmeStats.pageInfo.hasNextPage).toBe(true);
  expect(first.programmeStats.edges[0].node.parts.map((part) => part.dimension)).toEqual(['AGENCY', 'KIND']);
  const second = await f.gql<{ programmeStats: { edges: Array<{ node: Group }> } }>(STATS, {
    where: { place: '株洲市' },
    groupBy: ['AGENCY', 'KIND'],
    first: 2,
    after: first.programmeStats.pageInfo.endCursor,
  });
  expect(second.programmeStats.edges.map((e) => e.node.key)).toEqual(all.slice(2, 4).map((g) => g.key));
});

it('filters by publication date: stories, programmeRuns and programmeStats agree with the fixture dates', async () => {
  const { stories } = await f.gql<{ stories: { totalCount: number; edges: Array<{ node: { publishedOn: string } }> } }>(
    '{ stories(where: {publishedFrom: "2023-03-01", publishedTo: "2023-03-31"}, first: 100) { totalCount edges { node { publishedOn } } } }',
  );
  const [{ n }] = await cypher<{ n: number }>(`MATCH (s:Story) WHERE s.publishedOn >= date('2023-03-01') AND s.publishedOn <= date('2023-03-31') RETURN count(s) AS n`);
  expect(stories.totalCount).toBe(n);
  expect(stories.edges.every((e) => e.node.publishedOn >= '2023-03-01' && e.node.publishedOn <= '2023-03-31')).toBe(true);

  const { programmeRuns } = await f.gql<{ programmeRuns: Array<{ evidence: Array<{ story: { publishedOn: string } }> }> }>(
    '{ programmeRuns(where: {place: "株洲市", publishedFrom: "2023-03-01"}) { evidence { story { publishedOn } } } }',
  );
  expect(programmeRuns.length).toBeGreaterThan(0);
  for (const run of programmeRuns) for (const e of run.evidence) expect(e.story.publishedOn >= '2023-03-01').toBe(true);

  const march = await allGroups({ place: '株洲市', from: '2023-03-01', to: '2023-03-31' }, ['MONTH']);
  expect(march.map((g) => g.key)).toEqual(['2023-03']);
  const allMonths = await allGroups({ place: '株洲市' }, ['MONTH']);
  expect(march[0].count).toBe(allMonths.find((g) => g.key === '2023-03')!.count);
});

it('answers a bad date with BAD_USER_INPUT naming the argument, never an empty list', async () => {
  for (const [query, argument] of [
    ['{ stories(where: {publishedFrom: "2023-02-30"}) { totalCount } }', 'where.publishedFrom'],
    ['{ stories(where: {publishedTo: "March 2023"}) { totalCount } }', 'where.publishedTo'],
    ['{ programmeRuns(where: {publishedFrom: "2023-13-01"}) { agency { id } } }', 'where.publishedFrom'],
    ['{ programmeStats(where: {from: "2023-03-01", to: "2023-01-01"}) { totalCount } }', 'where.from'],
    ['{ topAgencies(where: {to: "20230301"}) { count } }', 'where.to'],
  ] as const) {
    const { body } = await f.post(query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(body.data ?? null).toBeNull();
  }
  const { body } = await f.post('{ programmeStats(groupBy: [KIND, KIND]) { totalCount } }');
  expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'groupBy' });
});
