/**
 * Relationship lists bounded in Cypher (relations.repository.ts): `first` on Entity.stories,
 * Entity.related, Place.programmes … returns what the unbounded lists returned, cut after `first`.
 *
 * - On the seed graph, for every entity and several `first`, each list equals the first items of
 *   the hand-written unbounded query the API ran before (the one intended change: undated
 *   stories now come last in Entity.stories, as in `stories(orderBy: DATE_DESC)`).
 * - On a generated archive in miniature (300 stories, 60 programmes), where the index walks are
 *   taken for the entity and the place named by most of it and the walk's budget runs out for an
 *   entity named only in old stories, against hand-written Cypher; PROFILE shows which way ran.
 *   The look-ahead prefetch's one-node forms of those lists (firstLinkedOne) answer as the
 *   batched reads do, walked or sorted, at the walk's cost.
 * - Keys with different `first` are batched per limit.
 */
import type { Driver } from 'neo4j-driver';
import { ingestPaths } from '../../src/ingest/run';
import { loadBatch } from '../../src/ingest/load';
import type { GraphBatch, RelationshipRecord } from '../../src/ingest/batch';
import { entityId } from '../../src/ingest/ids';
import { oneNodeReads, PROGRAMMES_HELD_IN, relations, STORIES_MENTIONING } from '../../src/api/repositories/relations.repository';
import { prefetchStatement, readPrefetch, type PrefetchBranch } from '../../src/api/repositories/prefetch.repository';
import { createReader } from '../../src/api/repositories/reader';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';
import { resetDatabase, SEEDS_DIR } from './harness';

jest.setTimeout(180_000);

async function cypher<T>(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(query, params);
  return result.records.map((record) => record.toObject() as T);
}

// The unbounded lists as the API read them before, restated by hand (ties broken by id where
// the old order left them to Neo4j). Each returns (id, items: [string]) for every key.
const BEFORE: Record<string, string> = {
  stories: `UNWIND $ids AS id MATCH (:Entity {id: id})<-[:MENTIONS]-(s:Story)
    WITH DISTINCT id, s ORDER BY s.date DESC, s.document, s.position RETURN id, collect([s.id, s.date IS NULL]) AS items`,
  related: `UNWIND $ids AS id MATCH (e:Entity {id: id})<-[:MENTIONS]-(s:Story)-[:MENTIONS]->(o:Entity) WHERE o <> e
    WITH id, o, count(DISTINCT s) AS n ORDER BY n DESC, o.name, o.id RETURN id, collect(o.id + '=' + n) AS items`,
  children: `UNWIND $ids AS id MATCH (c:Place)-[:PART_OF]->(:Place {id: id}) WITH DISTINCT id, c ORDER BY c.name, c.id RETURN id, collect(c.id) AS items`,
  programmes: `UNWIND $ids AS id MATCH (g:Programme)-[:HELD_IN]->(:Place {id: id}) WITH DISTINCT id, g ORDER BY g.name, g.id RETURN id, collect(g.id) AS items`,
  within: `UNWIND $ids AS id MATCH (g:Programme)-[:HELD_IN]->(:Place)-[:PART_OF*0..8]->(:Place {id: id})
    WITH DISTINCT id, g ORDER BY g.name, g.id RETURN id, collect(g.id) AS items`,
  runs: `UNWIND $ids AS id MATCH (:Entity {id: id})-[:RUNS]->(g:Programme) WITH DISTINCT id, g ORDER BY g.name, g.id RETURN id, collect(g.id) AS items`,
  organisations: `UNWIND $ids AS id MATCH (o:Organisation)-[:BASED_IN]->(:Place {id: id}) WITH DISTINCT id, o ORDER BY o.name, o.id RETURN id, collect(o.id) AS items`,
  people: `UNWIND $ids AS id MATCH (p:Person)-[h:HOLDS_POSITION]->(:Entity {id: id})
    WITH id, p, h ORDER BY p.name, p.id, h.title, h.story RETURN id, collect(p.id + '/' + h.title) AS items`,
  places: `UNWIND $ids AS id MATCH (:Entity {id: id})-[:BASED_IN]->(p:Place) WITH DISTINCT id, p ORDER BY p.name, p.id RETURN id, collect(p.id) AS items`,
  runBy: `UNWIND $ids AS id MATCH (a:Entity)-[:RUNS]->(:Programme {id: id}) WITH DISTINCT id, a ORDER BY a.name, a.id RETURN id, collect(a.id) AS items`,
  heldIn: `UNWIND $ids AS id MATCH (:Programme {id: id})-[:HELD_IN]->(p:Place) WITH DISTINCT id, p ORDER BY p.name, p.id RETURN id, collect(p.id) AS items`,
  credits: `UNWIND $ids AS id MATCH (:Person {id: id})-[r:REPORTED]->(s:Story)
    WITH id, r, s ORDER BY s.date DESC, s.document, s.position, r.role RETURN id, collect(s.id + '/' + coalesce(r.role, '')) AS items`,
  positions: `UNWIND $ids AS id MATCH (:Person {id: id})-[h:HOLDS_POSITION]->(o:Entity)
    WITH id, h, o ORDER BY o.name, o.id, h.title, h.story RETURN id, collect(o.id + '/' + h.title) AS items`,
};

// The same lists through GraphQL, as strings comparable with BEFORE's items.
const SELECTION = `
  stories(first: $n) { id }
  related(first: $n) { entity { id } stories }
  ... on Place {
    children(first: $n) { id } programmes(first: $n) { id } within: programmes(includeSubplaces: true, first: $n) { id }
    runs(first: $n) { id } organisations(first: $n) { id } people(first: $n) { person { id } title }
  }
  ... on Organisation { runs: programmes(first: $n) { id } places(first: $n) { id } people(first: $n) { person { id } title } }
  ... on Programme { runBy(first: $n) { id } heldIn: places(first: $n) { id } }
  ... on Person { credits(first: $n) { role story { id } } positions(first: $n) { at { id } title } }`;

type Node = Record<string, Array<Record<string, unknown>> | undefined>;
const asItems: Record<string, (item: any) => string> = {
  stories: (s) => s.id,
  related: (r) => `${r.entity.id}=${r.stories}`,
  people: (p) => `${p.person.id}/${p.title}`,
  credits: (c) => `${c.story.id}/${c.role ?? ''}`,
  positions: (p) => `${p.at.id}/${p.title}`,
};

/** Every list of every id through GraphQL, `first: n`, 25 ids a request. */
async function listsByGraphQL(f: FixtureServer, ids: string[], n: number): Promise<Map<string, Record<string, string[]>>> {
  const out = new Map<string, Record<string, string[]>>();
  for (let start = 0; start < ids.length; start += 25) {
    const chunk = ids.slice(start, start + 25);
    const query = `query($n: Int) { ${chunk.map((id, i) => `e${i}: node(id: ${JSON.stringify(id)}) { ${SELECTION} }`).join('\n')} }`;
    const data = await f.gql<Record<string, Node>>(query, { n });
    chunk.forEach((id, i) => {
      const node = data[`e${i}`];
      const lists: Record<string, string[]> = {};
      for (const [field, items] of Object.entries(node)) if (items) lists[field] = items.map(asItems[field] ?? ((x: { id: string }) => x.id));
      out.set(id, lists);
    });
  }
  return out;
}

/** BEFORE's lists, cut after n; Entity.stories with undated stories moved last (stable otherwise). */
async function listsBefore(driver: Driver, ids: string[]): Promise<Map<string, Record<string, string[]>>> {
  const out = new Map<string, Record<string, string[]>>(ids.map((id) => [id, {}]));
  for (const [field, query] of Object.entries(BEFORE)) {
    for (const row of await cypher<{ id: string; items: unknown[] }>(driver, query, { ids })) {
      const items =
        field === 'stories'
          ? [...(row.items as Array<[string, boolean]>).filter(([, undated]) => !undated), ...(row.items as Array<[string, boolean]>).filter(([, undated]) => undated)].map(([id]) => id)
          : (row.items as string[]);
      out.get(row.id)![field] = items;
    }
  }
  return out;
}

function expectFirst(before: Map<string, Record<string, string[]>>, after: Map<string, Record<string, string[]>>, n: number): void {
  for (const [id, lists] of after) {
    for (const [field, items] of Object.entries(lists)) expect({ id, field, n, items }).toEqual({ id, field, n, items: (before.get(id)![field] ?? []).slice(0, n) });
  }
}

describe('on the seed graph', () => {
  let f: FixtureServer;
  let ids: string[];
  beforeAll(async () => {
    f = await startFixtureServer({ load: false });
    await resetDatabase(f.driver, f.config);
    const summary = await ingestPaths({ paths: [SEEDS_DIR], driver: f.driver, database: f.config.neo4j.database, maxFileBytes: f.config.ingest.maxFileBytes, timeoutMs: 60_000 });
    if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
    ids = (await cypher<{ id: string }>(f.driver, 'MATCH (e:Entity) RETURN e.id AS id ORDER BY id')).map((row) => row.id);
  });
  afterAll(async () => {
    await f.stop();
  });

  it('returns, for every entity and list, the first N of the unbounded list (stories: undated last)', async () => {
    expect(ids.length).toBeGreaterThan(100);
    const before = await listsBefore(f.driver, ids);
    for (const n of [1, 2, 3, 5, 20]) expectFirst(before, await listsByGraphQL(f, ids, n), n);
    // The seed graph has lists longer than the smaller pages, and undated stories among them.
    const longest = Math.max(...[...before.values()].map((lists) => lists.stories?.length ?? 0));
    expect(longest).toBeGreaterThan(5);
  });

  it('batches the keys of one level per `first`: two page sizes, two queries', async () => {
    // Below connections: node(id) would read its lists ahead, in the prefetch's own query.
    f.queries.length = 0;
    type Page = { edges: Array<{ node: { id: string } }> };
    const data = await f.gql<{ a: Page; b: Page }>(`{
      a: places(first: 3) { edges { node { id stories(first: 2) { id } } } }
      b: programmes(first: 2) { edges { node { id stories(first: 3) { id } } } }
    }`);
    const ids = (page: Page) => page.edges.map((edge) => edge.node.id).sort();
    const stories = f.queries.filter((query) => query.cypher === STORIES_MENTIONING);
    expect(stories.map((query) => ({ ids: [...(query.params.ids as string[])].sort(), limit: (query.params as { limit?: number }).limit })).sort((x, y) => Number(x.limit) - Number(y.limit))).toEqual([
      { ids: ids(data.a), limit: 2 },
      { ids: ids(data.b), limit: 3 },
    ]);
  });

  it('refuses a `first` over GRAPHQL_MAX_PAGE_SIZE with BAD_USER_INPUT', async () => {
    const { body } = await f.post('{ node(id: "place:4302") { stories(first: 101) { id } } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

// ---- an archive in miniature -------------------------------------------------------------

const HUB = entityId('Place', '4302'); // named by two stories in three
const OLD = entityId('Organisation', '旧闻办'); // named only by the stories of the first 14 days and a few undated ones
const PLACE = entityId('Place', '430203'); // where half the programmes are held
const STREET = entityId('Place', '430203004'); // inside PLACE, where a quarter are held too
const AGENCY = entityId('Organisation', '第一服务中心'); // runs half the programmes
const OTHER = entityId('Organisation', '其他单位'); // named by one story in ten

/** Two pages of 150 stories: dates cycle over 100 days (ties), every 7th undated. */
function miniArchive(): GraphBatch[] {
  const pages: GraphBatch[] = [];
  let k = 0;
  for (const doc of ['doc:00000000000000d1', 'doc:00000000000000d2']) {
    const batch: GraphBatch = {
      document: { id: doc, source: `${doc}.txt` },
      stories: [],
      entities: [
        { label: 'Place', id: HUB, name: '株洲市', level: 'CITY', code: '4302', aliases: [] },
        { label: 'Place', id: PLACE, name: '芦淞区', level: 'DISTRICT', code: '430203', aliases: [] },
        { label: 'Place', id: STREET, name: '董家塅街道', level: 'SUBDISTRICT', code: '430203004', aliases: [] },
        { label: 'Organisation', id: OLD, name: '旧闻办', type: 'GOVERNMENT', aliases: [] },
        { label: 'Organisation', id: AGENCY, name: '第一服务中心', type: 'GOVERNMENT', aliases: [] },
        { label: 'Organisation', id: OTHER, name: '其他单位', type: 'OTHER', aliases: [] },
      ],
      relationships: [{ type: 'PART_OF', from: STREET, to: PLACE }, { type: 'PART_OF', from: PLACE, to: HUB }],
      warnings: [],
    };
    for (let position = 0; position < 150; position++, k++) {
      const sid = `story:${doc.slice(4)}:${position}`;
      const undated = k % 7 === 3;
      const day = (k * 37) % 100; // a story's date does not follow its position
      const date = undated ? null : new Date(Date.UTC(2023, 0, 1 + day)).toISOString().slice(0, 10);
      batch.stories.push({ id: sid, position, headline: `第${k}条`, kicker: null, subtitle: null, section: null, date, body: `第${k}条。` });
      const mention = (to: string): RelationshipRecord => ({ type: 'MENTIONS', from: sid, to, story: sid, count: 1 });
      batch.relationships.push({ type: 'CONTAINS', from: doc, to: sid });
      if (k % 3 !== 0) batch.relationships.push(mention(HUB));
      if ((date !== null && day < 14) || (undated && k < 40)) batch.relationships.push(mention(OLD));
      if (k % 10 === 0) batch.relationships.push(mention(OTHER));
      if (k < 60) {
        // 60 programmes: AGENCY runs the even ones, held in PLACE (every other one in STREET
        // too); OTHER runs the odd ones, held nowhere.
        const n = String(k).padStart(2, '0');
        const programme = entityId('Programme', `第${n}期活动`);
        batch.entities.push({ label: 'Programme', id: programme, name: `第${n}期活动`, kind: 'EMPLOYMENT', targets: [], aliases: [] });
        batch.relationships.push(mention(programme), { type: 'RUNS', from: k % 2 === 0 ? AGENCY : OTHER, to: programme, story: sid, evidence: `第${n}期活动。` });
        if (k % 2 === 0) batch.relationships.push({ type: 'HELD_IN', from: programme, to: PLACE, story: sid, evidence: `第${n}期活动。` });
        if (k % 4 === 0) batch.relationships.push({ type: 'HELD_IN', from: programme, to: STREET, story: sid, evidence: `第${n}期活动。` });
      }
    }
    pages.push(batch);
  }
  return pages;
}

describe('on an archive in miniature (the index walks taken)', () => {
  let f: FixtureServer;
  beforeAll(async () => {
    f = await startFixtureServer({ load: false, env: { GRAPHQL_RELATED_STORIES: '30' } });
    await resetDatabase(f.driver, f.config);
    for (const page of miniArchive()) await loadBatch(f.driver, page, { database: f.config.neo4j.database, timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await f.stop();
  });

  const SORTED_STORIES = `MATCH (:Entity {id: $id})<-[:MENTIONS]-(s:Story)
    WITH DISTINCT s ORDER BY s.date IS NULL, s.date DESC, s.document, s.position RETURN collect(s.id) AS ids`;

  it('answers Entity.stories(first) as a full sort does, for the hub (walk), an entity of old stories (walk gives up) and a small one', async () => {
    for (const id of [HUB, OLD, OTHER]) {
      const [{ ids }] = await cypher<{ ids: string[] }>(f.driver, SORTED_STORIES, { id });
      for (const n of [1, 2, 5, 10, 20, 33, 34, 50, 100]) {
        const { node } = await f.gql<{ node: { stories: Array<{ id: string }> } }>('query($id: ID!, $n: Int) { node(id: $id) { stories(first: $n) { id } } }', { id, n });
        expect({ id, n, stories: node.stories.map((s) => s.id) }).toEqual({ id, n, stories: ids.slice(0, n) });
      }
    }
  });

  /** Rows out of the walk's PartialTop and into the sort's Top, from PROFILE. */
  async function ways(query: string, params: Record<string, unknown>): Promise<{ walked: number; sorted: number }> {
    const result = await f.driver.executeQuery(`PROFILE ${query}`, params);
    type Plan = { operatorType: string; rows: number; children: Plan[] };
    const all = (plan: Plan): Plan[] => [plan, ...plan.children.flatMap(all)];
    const plan = all(result.summary.profile as unknown as Plan);
    const rows = (type: RegExp) => plan.filter((op) => type.test(op.operatorType)).reduce((sum, op) => sum + Number(op.rows), 0);
    return { walked: rows(/^PartialTop/), sorted: rows(/^Top/) };
  }

  it('takes the walk for the hub, gives up within its budget for old stories, sorts for a small entity (PROFILE)', async () => {
    // HUB: 200 of 300 stories; the walk is taken up to first = 33 (200² > 4 × 33 × 300) and never sorts.
    expect(await ways(STORIES_MENTIONING, { ids: [HUB], limit: 20 })).toMatchObject({ sorted: 0 });
    expect((await ways(STORIES_MENTIONING, { ids: [HUB], limit: 20 })).walked).toBeGreaterThan(0);
    expect(await ways(STORIES_MENTIONING, { ids: [HUB], limit: 34 })).toMatchObject({ walked: 0 });
    // OLD: the walk (first: 1) looks at the newest 200 dated stories, finds none, and the sort answers.
    const old = await ways(STORIES_MENTIONING, { ids: [OLD], limit: 1 });
    expect(old.walked).toBe(200);
    expect(old.sorted).toBeGreaterThan(0);
    // OTHER: 30 of 300 stories, too few to walk (30² < 4 × 1 × 300).
    expect(await ways(STORIES_MENTIONING, { ids: [OTHER], limit: 1 })).toMatchObject({ walked: 0 });
    // PLACE: 30 of 60 programmes HELD_IN it; walked by name up to first = 3.
    expect((await ways(PROGRAMMES_HELD_IN, { ids: [PLACE], limit: 3 })).walked).toBeGreaterThan(0);
    expect(await ways(PROGRAMMES_HELD_IN, { ids: [PLACE], limit: 4 })).toMatchObject({ walked: 0 });
  });

  it('answers the programme lists (held in, within, run by) as a full sort does, walked or sorted', async () => {
    const lists = [
      [PLACE, 'Place', 'programmes(first: $n) { id }', `MATCH (g:Programme)-[:HELD_IN]->(:Place {id: $id}) WITH DISTINCT g ORDER BY g.name RETURN collect(g.id) AS ids`],
      [PLACE, 'Place', 'programmes(includeSubplaces: true, first: $n) { id }', `MATCH (g:Programme)-[:HELD_IN]->(:Place)-[:PART_OF*0..8]->(:Place {id: $id}) WITH DISTINCT g ORDER BY g.name RETURN collect(g.id) AS ids`],
      [AGENCY, 'Organisation', 'programmes(first: $n) { id }', `MATCH (:Entity {id: $id})-[:RUNS]->(g:Programme) WITH DISTINCT g ORDER BY g.name RETURN collect(g.id) AS ids`],
    ] as const;
    for (const [id, type, field, query] of lists) {
      const [{ ids }] = await cypher<{ ids: string[] }>(f.driver, query, { id });
      expect(ids.length).toBeGreaterThan(10);
      for (const n of [1, 2, 3, 4, 10, 100]) {
        const { node } = await f.gql<{ node: { programmes: Array<{ id: string }> } }>(
          `query($id: ID!, $n: Int) { node(id: $id) { ... on ${type} { programmes: ${field} } } }`,
          { id, n },
        );
        expect({ id, field, n, ids: node.programmes.map((p) => p.id) }).toEqual({ id, field, n, ids: ids.slice(0, n) });
      }
    }
  });

  /** Db hits of a PROFILEd statement, nested plan expressions (the prefetch's COLLECTs) included. */
  async function dbHits(query: string, params: Record<string, unknown>): Promise<number> {
    const result = await f.driver.executeQuery(`PROFILE ${query}`, params);
    type Plan = { dbHits: number; children: Plan[] };
    const sum = (plan: Plan): number => Number(plan.dbHits) + plan.children.reduce((total, child) => total + sum(child), 0);
    return sum(result.summary.profile as unknown as Plan);
  }

  it('gives the prefetch the batched reads’ answers for the walked and the sorted lists, at about the walk’s cost', async () => {
    const reader = createReader({ driver: f.driver, database: f.config.neo4j.database, timeoutMs: 30_000 });
    const lists = [
      ['storiesMentioning', [HUB, OLD, OTHER]],
      ['programmesHeldIn', [PLACE]],
      ['programmesRunBy', [AGENCY]],
    ] as const;
    for (const [read, ids] of lists) {
      for (const limit of [1, 2, 3, 4, 20, 33, 34, 100]) {
        const branch: PrefetchBranch = { key: 'items', read, limit, labels: null, next: [] };
        const found = await readPrefetch(reader, prefetchStatement('Entity', [branch]), ids);
        const batched = await relations[read](reader, ids, { limit });
        for (const id of ids) {
          // Mapped as the one-node form maps its rows (entity tuples, story maps).
          const map = oneNodeReads[read].map as (raw: unknown) => { id: string };
          const items = (found.get(id)?.next?.items ?? []).map(map);
          expect({ read, id, limit, items: items.map((item) => item.id) }).toEqual({ read, id, limit, items: (batched.get(id) ?? []).map((item) => item.id) });
        }
      }
    }
    // The hub's 20 newest stories: the prefetch walks as the batched read does, far below the full sort.
    const statement = prefetchStatement('Entity', [{ key: 'items', read: 'storiesMentioning', limit: 20, labels: null, next: [] }]);
    const prefetched = await dbHits(statement.cypher, { ...statement.params, ids: [HUB] });
    const walked = await dbHits(STORIES_MENTIONING, { ids: [HUB], limit: 20 });
    const sorted = await dbHits(STORIES_MENTIONING, { ids: [HUB], limit: 34 });
    expect(prefetched).toBeLessThan(2 * walked + 100);
    expect(prefetched).toBeLessThan(sorted);
  });

  it('ranks Entity.related over the newest GRAPHQL_RELATED_STORIES (here 30) stories naming the entity', async () => {
    const window = await cypher<{ id: string; n: number }>(
      f.driver,
      `MATCH (e:Entity {id: $id})<-[:MENTIONS]-(s:Story)
       WITH e, s ORDER BY s.date IS NULL, s.date DESC, s.document, s.position LIMIT 30
       MATCH (s)-[:MENTIONS]->(o:Entity) WHERE o <> e
       WITH o, count(DISTINCT s) AS n ORDER BY n DESC, o.name, o.id RETURN o.id AS id, n`,
      { id: HUB },
    );
    const { node } = await f.gql<{ node: { related: Array<{ entity: { id: string }; stories: number }> } }>(`{ node(id: "${HUB}") { related(first: 100) { entity { id } stories } } }`);
    expect(node.related.map((r) => [r.entity.id, r.stories])).toEqual(window.map((r) => [r.id, r.n]));
    // OTHER shares 20 stories with HUB in all; the window of 30 newest counts fewer.
    const [{ shared }] = await cypher<{ shared: number }>(f.driver, 'MATCH (:Entity {id: $a})<-[:MENTIONS]-(s:Story)-[:MENTIONS]->(:Entity {id: $b}) RETURN count(DISTINCT s) AS shared', { a: HUB, b: OTHER });
    expect(Number(shared)).toBe(20);
    expect(node.related.find((r) => r.entity.id === OTHER)!.stories).toBeLessThan(20);
  });
});
