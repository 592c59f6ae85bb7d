/**
 * The benchmark's questions, each asked three ways on the same Neo4j:
 * - ours: the service's GraphQL over HTTP;
 * - raw: one hand-written Cypher query through the driver (the floor a resolver stack can approach);
 * - peer: @neo4j/graphql over HTTP, on the type definitions in ./neo4j-graphql.typedefs.graphql,
 *   asked the closest question its generated API can express (null where it has none: no
 *   shortest path in @neo4j/graphql without hand-written Cypher).
 * `rows` counts the answer's rows on each side so that the table shows the answers agree, and
 * where they cannot (the peer cannot say "a street of 芦淞区" except by nesting PART_OF filters to a
 * fixed depth, nor reach a story's headline from an evidence property) the note says so.
 */

export interface GraphQLAsk {
  query: string;
  variables: Record<string, unknown>;
  /** Rows of the answer's `data`. */
  rows: (data: Record<string, unknown>) => number;
  /** The answer as plain values, where ours and raw can be compared value by value (with RawAsk.answer). */
  answer?: (data: Record<string, unknown>) => unknown;
}

export interface RawAsk {
  cypher: string;
  params: Record<string, unknown>;
  rows: (records: Array<Record<string, unknown>>) => number;
  answer?: (records: Array<Record<string, unknown>>) => unknown;
}

export interface BenchCase {
  name: string;
  ours: GraphQLAsk;
  raw: RawAsk;
  peer: GraphQLAsk | null;
  note?: string;
}

export interface CaseInputs {
  place: string;
  agency: string;
  search: string;
  pathFrom: string;
  pathTo: string;
  text: string;
  publishedFrom: string;
  publishedTo: string;
  nodeId: string;
  statsPlace: string;
}

/**
 * The questions' inputs on the seed graph and on every synthetic archive (places and bodies stay
 * the seeds'); bench-api replaces pathFrom where an archive renamed the person (see pathStart).
 */
export const DEFAULT_INPUTS: CaseInputs = {
  place: '芦淞区',
  agency: '芦淞区',
  search: 'lusong',
  pathFrom: 'person:谢恩',
  pathTo: 'org:株洲市人力资源和社会保障局',
  text: '就业',
  publishedFrom: '2023-03-01',
  publishedTo: '2023-03-31',
  nodeId: 'place:430203',
  statsPlace: '株洲市',
};

const length = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const pairs = (programmes: unknown): number =>
  Array.isArray(programmes) ? programmes.reduce((n: number, p: { runBy?: unknown[]; runByConnection?: { edges: unknown[] } }) => n + (p.runBy?.length ?? p.runByConnection?.edges.length ?? 0), 0) : 0;

// A place and everything PART_OF it, to the depth the gazetteer nests under a district
// (district ← street/town ← community/village), for the peer, which has no variable-length filter.
const insidePeer = (depth: number): string => {
  let filter = '{ name: { eq: $place } }';
  const alternatives = [filter];
  for (let level = 1; level <= depth; level++) {
    filter = `{ partOf: { some: ${filter} } }`;
    alternatives.push(filter);
  }
  return `{ OR: [${alternatives.join(', ')}] }`;
};
const PEER_INSIDE = insidePeer(3);

const PEER_ROLL_UP = `{ OR: [
  { heldIn: { some: ${PEER_INSIDE} } },
  { AND: [{ heldIn: { none: {} } }, { runBy: { some: { Place: ${PEER_INSIDE} } } }] }
] }`;

const AGENCY_FIELDS = '... on Organisation { id name } ... on Place { id name }';

// The place roll-up by hand, as someone who knows the graph would write it: the place by id or
// name, PART_OF inwards to programmes, the first 100 programmes by name, then their agencies and
// the places inside (a short PART_OF walk up to the place).
const RAW_INSIDE = `
CALL () {
  MATCH (t:Place {id: $place}) RETURN t
  UNION MATCH (t:Entity {name: $place}) WHERE t:Place RETURN t
}
CALL (t) {
  MATCH (t)<-[:PART_OF*0..8]-(x:Place)
  WITH DISTINCT x
  CALL (x) {
    MATCH (x)<-[:HELD_IN]-(p:Programme) RETURN p
    UNION MATCH (x)-[:RUNS]->(p:Programme) WHERE NOT EXISTS { (p)-[:HELD_IN]->(:Place) } RETURN p
  }
  WITH DISTINCT p WHERE EXISTS { (:Entity)-[:RUNS]->(p) }
  WITH p ORDER BY p.name LIMIT 100
  RETURN p
}
MATCH (a:Entity)-[r:RUNS]->(p)
WITH t, a, p, collect(r) AS runs
OPTIONAL MATCH (p)-[h:HELD_IN]->(pl:Place) WHERE EXISTS { (pl)-[:PART_OF*0..8]->(t) }
WITH t, a, p, runs, collect({place: pl, held: h}) AS heldRows, COUNT { (p)-[:HELD_IN]->(:Place) } AS heldCount
WITH a, p, runs, [x IN heldRows WHERE x.place IS NOT NULL] AS within, heldCount,
     a:Place AND EXISTS { (a)-[:PART_OF*0..8]->(t) } AS agencyInside
WHERE size(within) > 0 OR (heldCount = 0 AND agencyInside)`;

export function benchCases(input: CaseInputs): BenchCase[] {
  return [
    {
      name: 'programmeRuns(place)',
      ours: {
        query: `query($place: String!) { programmeRuns(where: {place: $place}) { agency { id name } programme { id name kind } places { id name } } }`,
        variables: { place: input.place },
        rows: (data) => length(data.programmeRuns),
      },
      raw: {
        cypher: `${RAW_INSIDE}
RETURN {id: a.id, name: a.name} AS agency, p {.id, .name, .kind} AS programme, [x IN within | {id: x.place.id, name: x.place.name}] AS places
ORDER BY p.name, a.name LIMIT 100`,
        params: { place: input.place },
        rows: (records) => records.length,
      },
      peer: {
        query: `query($place: String!) { programmes(where: ${PEER_ROLL_UP}, sort: [{name: ASC}], limit: 100) { id name kind runBy { ${AGENCY_FIELDS} } heldIn { id name } } }`,
        variables: { place: input.place },
        rows: (data) => pairs(data.programmes),
      },
      note: 'peer: PART_OF nested to depth 3; rows are programme × runBy pairs',
    },
    {
      name: 'programmeRuns(place) + evidence',
      ours: {
        query: `query($place: String!) { programmeRuns(where: {place: $place}) { agency { id name } programme { id name kind } places { id name } evidence { sentence story { id headline } } } }`,
        variables: { place: input.place },
        rows: (data) => length(data.programmeRuns),
      },
      raw: {
        cypher: `${RAW_INSIDE}
WITH a, p, within, [e IN [r IN runs | {story: r.story, sentence: r.evidence}] + [x IN within | {story: x.held.story, sentence: x.held.evidence}] WHERE e.sentence IS NOT NULL] AS evidence
ORDER BY p.name, a.name LIMIT 100
RETURN {id: a.id, name: a.name} AS agency, p {.id, .name, .kind} AS programme, [x IN within | {id: x.place.id, name: x.place.name}] AS places,
       [e IN evidence | {sentence: e.sentence, story: COLLECT { MATCH (s:Story {id: e.story}) RETURN s {.id, .headline} }[0]}] AS evidence`,
        params: { place: input.place },
        rows: (records) => records.length,
      },
      peer: {
        query: `query($place: String!) { programmes(where: ${PEER_ROLL_UP}, sort: [{name: ASC}], limit: 100) { id name kind
          runByConnection { edges { properties { story evidence } node { ${AGENCY_FIELDS} } } }
          heldInConnection { edges { properties { story evidence } node { id name } } } } }`,
        variables: { place: input.place },
        rows: (data) => pairs(data.programmes),
      },
      note: 'peer: evidence as relationship properties (story id, no headline: a property cannot be followed to its Story)',
    },
    {
      name: 'programmeRuns(agency)',
      ours: {
        query: `query($agency: String!) { programmeRuns(where: {agency: $agency}) { agency { id name } programme { id name kind } places { id name } } }`,
        variables: { agency: input.agency },
        rows: (data) => length(data.programmeRuns),
      },
      raw: {
        cypher: `CALL () { MATCH (a:Entity {id: $agency}) RETURN a UNION MATCH (a:Entity {name: $agency}) RETURN a }
MATCH (a)-[:RUNS]->(p:Programme)
WITH DISTINCT a, p ORDER BY p.name LIMIT 100
RETURN {id: a.id, name: a.name} AS agency, p {.id, .name, .kind} AS programme, COLLECT { MATCH (p)-[:HELD_IN]->(x:Place) RETURN DISTINCT x {.id, .name} } AS places`,
        params: { agency: input.agency },
        rows: (records) => records.length,
      },
      peer: {
        query: `query($agency: String!) { programmes(where: { runBy: { some: { Organisation: { name: { eq: $agency } }, Place: { name: { eq: $agency } } } } }, sort: [{name: ASC}], limit: 100) { id name kind runBy(where: { Organisation: { name: { eq: $agency } }, Place: { name: { eq: $agency } } }) { ${AGENCY_FIELDS} } heldIn { id name } } }`,
        variables: { agency: input.agency },
        rows: (data) => pairs(data.programmes),
      },
    },
    {
      name: 'programmeStats(place, DISTRICT)',
      ours: {
        query: `query($place: String!) { programmeStats(where: {place: $place}, groupBy: [DISTRICT], first: 20) { totalCount edges { node { key label count stories agencies } } } }`,
        variables: { place: input.statsPlace },
        rows: (data) => length((data.programmeStats as { edges: unknown[] }).edges),
        answer: (data) => (data.programmeStats as { edges: Array<{ node: Record<string, unknown> }> }).edges.map(({ node }) => node),
      },
      raw: {
        // The same groups as ours, by hand: the runs (agency, programme) held inside the place, or
        // run by a place inside it and held nowhere; each with its places inside, the stories
        // stating it (RUNS and HELD_IN), and the districts those places lie in ("(none)" if none).
        cypher: `MATCH (:Place {name: $place})<-[:PART_OF*0..8]-(x:Place)
WITH collect(DISTINCT x) AS inside
CALL (inside) {
  UNWIND inside AS x
  MATCH (x)<-[:HELD_IN]-(p:Programme)
  RETURN p
  UNION
  UNWIND inside AS x
  MATCH (x)-[:RUNS]->(p:Programme) WHERE NOT EXISTS { (p)-[:HELD_IN]->() }
  RETURN p
}
MATCH (a:Entity)-[r:RUNS]->(p)
WITH inside, a, p, collect(r.story) AS runStories
WITH inside, a, p, runStories, COLLECT { MATCH (p)-[:HELD_IN]->(pl:Place) WHERE pl IN inside RETURN DISTINCT pl } AS places
WHERE size(places) > 0 OR (a IN inside AND NOT EXISTS { (p)-[:HELD_IN]->() })
WITH a, p, runStories + COLLECT { MATCH (p)-[h:HELD_IN]->(pl:Place) WHERE pl IN inside RETURN h.story } AS stories,
     CASE size(places) WHEN 0 THEN [a] ELSE places END AS places
CALL (places) {
  UNWIND places AS pl
  MATCH (pl)-[:PART_OF*0..8]->(d:Place {level: 'DISTRICT'})
  RETURN collect(DISTINCT d) AS districts
}
UNWIND CASE size(districts) WHEN 0 THEN [null] ELSE districts END AS d
UNWIND stories AS s
WITH d, count(DISTINCT p) AS count, count(DISTINCT s) AS stories, count(DISTINCT a) AS agencies
RETURN coalesce(d.id, '') AS key, coalesce(d.name, '(none)') AS label, count, stories, agencies
ORDER BY count DESC, stories DESC, label LIMIT 20`,
        params: { place: input.statsPlace },
        rows: (records) => records.length,
        answer: (records) => records.map((r) => ({ key: r.key, label: r.label, count: Number(r.count), stories: Number(r.stories), agencies: Number(r.agencies) })),
      },
      peer: null,
      note: 'peer: no group-by or sort by an aggregate; raw: the same groups, compared value by value',
    },
    {
      name: 'search',
      ours: {
        query: `query($text: String!) { search(text: $text, first: 10) { id name } }`,
        variables: { text: input.search },
        rows: (data) => length(data.search),
      },
      raw: {
        cypher: `CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: 50}) YIELD node, score
RETURN node.id AS id, node.name AS name ORDER BY score DESC, size(node.name) LIMIT 10`,
        params: { lucene: `${input.search}*` },
        rows: (records) => records.length,
      },
      peer: {
        query: `query($text: String!) { places(where: { OR: [{ name: { contains: $text } }, { pinyin: { contains: $text } }] }, limit: 10) { id name } }`,
        variables: { text: input.search },
        rows: (data) => length(data.places),
      },
      note: 'peer: CONTAINS over Place name and pinyin (no ranked fulltext across kinds)',
    },
    {
      name: 'path',
      ours: {
        query: `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4) { length nodes { id name } edges { type } } }`,
        variables: { from: input.pathFrom, to: input.pathTo },
        rows: (data) => length((data.path as { nodes?: unknown[] } | null)?.nodes),
      },
      raw: {
        cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:MENTIONS|REPORTED|RUNS|HELD_IN|HOLDS_POSITION|BASED_IN|PART_OF*..4]-(b))
RETURN [n IN nodes(p) | {id: n.id, name: coalesce(n.name, n.headline)}] AS nodes, [r IN relationships(p) | type(r)] AS edges`,
        params: { from: input.pathFrom, to: input.pathTo },
        rows: (records) => length(records[0]?.nodes),
      },
      peer: null,
      note: 'peer: no shortest path without a hand-written @cypher field',
    },
    {
      name: 'stories(published range)',
      ours: {
        query: `query($from: Date!, $to: Date!) { stories(where: {publishedFrom: $from, publishedTo: $to}, orderBy: HEADLINE_ASC, first: 20) { totalCount edges { node { id headline publishedOn } } } }`,
        variables: { from: input.publishedFrom, to: input.publishedTo },
        rows: (data) => length((data.stories as { edges: unknown[] }).edges),
      },
      raw: {
        cypher: `CALL () { MATCH (s:Story) WHERE s.publishedOn >= date($from) AND s.publishedOn <= date($to) RETURN count(s) AS total }
CALL () { MATCH (s:Story) WHERE s.publishedOn >= date($from) AND s.publishedOn <= date($to)
  WITH s ORDER BY s.headline, s.id LIMIT 20 RETURN collect(s {.id, .headline, publishedOn: toString(s.publishedOn)}) AS items }
RETURN total, items`,
        params: { from: input.publishedFrom, to: input.publishedTo },
        rows: (records) => length(records[0]?.items),
      },
      peer: {
        query: `query($from: Date!, $to: Date!) { storiesConnection(where: { publishedOn: { gte: $from, lte: $to } }, sort: [{headline: ASC}], first: 20) { totalCount edges { node { id headline publishedOn } } } }`,
        variables: { from: input.publishedFrom, to: input.publishedTo },
        rows: (data) => length((data.storiesConnection as { edges: unknown[] }).edges),
      },
    },
    {
      name: 'stories(textContains)',
      ours: {
        query: `query($text: String!) { stories(where: {textContains: $text}, orderBy: HEADLINE_ASC, first: 20) { totalCount edges { node { id headline } } } }`,
        variables: { text: input.text },
        rows: (data) => length((data.stories as { edges: unknown[] }).edges),
      },
      raw: {
        cypher: `CALL () { CALL () { MATCH (s:Story) WHERE s.headline CONTAINS $text RETURN s UNION MATCH (s:Story) WHERE s.body CONTAINS $text RETURN s } RETURN count(s) AS total }
CALL () { CALL () { MATCH (s:Story) WHERE s.headline CONTAINS $text RETURN s UNION MATCH (s:Story) WHERE s.body CONTAINS $text RETURN s }
  WITH s ORDER BY s.headline, s.id LIMIT 20 RETURN collect(s {.id, .headline}) AS items }
RETURN total, items`,
        params: { text: input.text },
        rows: (records) => length(records[0]?.items),
      },
      peer: {
        query: `query($text: String!) { storiesConnection(where: { OR: [{ headline: { contains: $text } }, { body: { contains: $text } }] }, sort: [{headline: ASC}], first: 20) { totalCount edges { node { id headline } } } }`,
        variables: { text: input.text },
        rows: (data) => length((data.storiesConnection as { edges: unknown[] }).edges),
      },
      note: 'raw and peer search headline and body; ours also kicker and subtitle',
    },
    {
      name: 'node + nested relations',
      ours: {
        query: `query($id: ID!) { node(id: $id) { id name ... on Place { level parent { id name } children { id name } organisations { id name } programmes { id name runBy { id name } places { id name } } } } }`,
        variables: { id: input.nodeId },
        rows: (data) => length((data.node as { programmes?: unknown[] } | null)?.programmes),
      },
      raw: {
        cypher: `MATCH (n:Place {id: $id})
RETURN n {.id, .name, .level,
  parent: COLLECT { MATCH (n)-[:PART_OF]->(q:Place) RETURN DISTINCT q {.id, .name} }[0],
  children: COLLECT { MATCH (c:Place)-[:PART_OF]->(n) WITH DISTINCT c ORDER BY c.name LIMIT 20 RETURN c {.id, .name} },
  organisations: COLLECT { MATCH (o:Organisation)-[:BASED_IN]->(n) WITH DISTINCT o ORDER BY o.name LIMIT 20 RETURN o {.id, .name} },
  programmes: COLLECT { MATCH (g:Programme)-[:HELD_IN]->(n) WITH DISTINCT g ORDER BY g.name LIMIT 20 RETURN g {.id, .name,
     runBy: COLLECT { MATCH (a:Entity)-[:RUNS]->(g) WITH DISTINCT a ORDER BY a.name LIMIT 20 RETURN a {.id, .name} },
     places: COLLECT { MATCH (g)-[:HELD_IN]->(x:Place) WITH DISTINCT x ORDER BY x.name LIMIT 20 RETURN x {.id, .name} }} }
} AS node`,
        params: { id: input.nodeId },
        rows: (records) => length((records[0]?.node as { programmes?: unknown[] } | undefined)?.programmes),
      },
      peer: {
        query: `query($id: ID!) { places(where: { id: { eq: $id } }) { id name level partOf { id name } parts(sort: [{name: ASC}], limit: 20) { id name } organisations(sort: [{name: ASC}], limit: 20) { id name } programmesHeld(sort: [{name: ASC}], limit: 20) { id name runBy(limit: 20) { ${AGENCY_FIELDS} } heldIn(sort: [{name: ASC}], limit: 20) { id name } } } }`,
        variables: { id: input.nodeId },
        rows: (data) => length((data.places as Array<{ programmesHeld: unknown[] }>)[0]?.programmesHeld),
      },
      note: 'every list its first 20 (ours: the default page, by name); peer: runBy (a union) unsorted',
    },
  ];
}
