/**
 * The statements the API runs, one per repository query shape, with parameters that exercise
 * them on the seed graph: the plan test EXPLAINs each (api-plans.test.ts) and bench scripts may
 * reuse the list. Kept beside the test, since only tests and benchmarks need it.
 */
import { EntitySort, StorySort } from '../../src/api/types/enums.type';
import { ENTITY_ANCHORS, entityListStatement, STORY_ANCHORS, storyListStatement } from '../../src/api/repositories/list.repository';
import { PATH_QUERIES } from '../../src/api/repositories/path.repository';
import { planPrefetch } from '../../src/api/prefetch/selection-plan';
import { prefetchStatement, type PrefetchRoot } from '../../src/api/repositories/prefetch.repository';
import { programmeRunsStatement, type ProgrammeRunQuery } from '../../src/api/repositories/programme-run.repository';
import { programmeStatsStatement } from '../../src/api/repositories/programme-stats.repository';
import * as relations from '../../src/api/repositories/relations.repository';
import { SEARCH_QUERY } from '../../src/api/repositories/search.repository';
import { STATS_QUERY } from '../../src/api/repositories/stats.repository';
import type { EntityLabel } from '../../src/model';
import { benchCases } from '../../scripts/bench/cases';
import { everythingSelection, selectionInfo } from '../unit/api/selection-info';

export interface PlannedStatement {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
  /** An operator the plan must contain: the index (or count store, or procedure) it starts from. */
  anchor: RegExp;
  /** Labels this statement may scan whole (only the unfiltered lists, documented in list.repository.ts). */
  scans?: string[];
  /** Operators the plan must also contain: a bounded list's Top-N per key, its lazy index walk. */
  shape?: RegExp[];
  /** Operators it must not contain: a bounded list's full Sort (it would read every item). */
  never?: RegExp[];
}

const NO_RANGE = { publishedFrom: null, publishedTo: null };
const RUNS = { place: null, agency: null, kind: null, ...NO_RANGE, limit: 100 };
const WINDOW = { offset: 0, limit: 20 };
const runs = (where: Partial<ProgrammeRunQuery>) => programmeRunsStatement({ ...RUNS, ...where } as ProgrammeRunQuery);

/** Example values for each list anchor (a filter the seed graph has). */
const ENTITY_EXAMPLES: Record<EntityLabel, Record<string, Record<string, unknown>>> = {
  Person: { organisation: { organisation: '株洲市人力资源和社会保障局' }, nameContains: { nameContains: '谢' } },
  Organisation: { place: { place: '芦淞区' }, nameContains: { nameContains: '人社' }, type: { type: 'GOVERNMENT' } },
  Place: { within: { within: '芦淞区' }, nameContains: { nameContains: '芦淞' }, level: { level: 'DISTRICT' } },
  Programme: { agency: { agency: '芦淞区' }, place: { place: '芦淞区' }, nameContains: { nameContains: '就业' }, kind: { kind: 'EMPLOYMENT' } },
};
const STORY_EXAMPLES: Record<keyof typeof STORY_ANCHORS, Record<string, unknown>> = {
  mentions: { mentions: ['芦淞区', '株洲市人力资源和社会保障局'] },
  reporter: { reporter: '谢恩' },
  place: { place: '芦淞区' },
  headlineContains: { headlineContains: '就业' },
  textPhrase: { textContains: '就业岗' },
  textBigram: { textContains: '就业' },
  textContains: { textContains: '就' },
  published: { publishedFrom: '2023-01-01', publishedTo: '2023-06-30' },
  section: { section: '就业·创业' },
  date: { dateFrom: '2022-01-01', dateTo: '2022-12-31' },
};

/**
 * The look-ahead prefetch's statements are generated from the selection: representative ones, as
 * the service plans them (its default depth and list limit), with the root each starts from.
 */
const PREFETCH_LIMITS = { depth: 3, maxLists: 16, pages: { defaultPageSize: 20, maxPageSize: 100 } };
const PREFETCH_EXAMPLES: Array<{ name: string; root: PrefetchRoot; query: string; id: string }> = [
  { name: 'the benchmark node query', root: 'Entity', query: benchCases({} as never).find((c) => c.name === 'node + nested relations')!.ours.query, id: 'place:430203' },
  { name: 'every list one level down', root: 'Entity', query: `{ node(id: "x") { ${everythingSelection(1)} } }`, id: 'place:430203' },
  {
    name: 'three levels through an abstract level',
    root: 'Entity',
    query: '{ node(id: "x") { ... on Programme { runBy { ... on Organisation { places { children { id } } people { title } } ... on Place { ancestors { id } runs { id } } } } } }',
    id: 'programme:就业援助月',
  },
  { name: 'a story', root: 'Story', query: '{ story(id: "x") { mentions { ... on Place { parent { id } programmes { places { id } } } ... on Person { positions { title } } } credits { role } } }', id: 'story:x' },
];

const LOOKUP = /NodeUniqueIndexSeek|NodeIndexSeek|NodeIndexContainsScan/;
const ID_SEEK = /NodeUniqueIndexSeek/;

/**
 * The relationship lists that grow with the archive keep their first $limit per key in Cypher: a
 * Top-N, never a full Sort. Those whose order an index gives can also walk that index lazily
 * (PartialTop over a range seek, stopping after $limit), for an anchor linked to much of it.
 */
const TOP_N = /^Top .*LIMIT toInteger\(\$limit\)/;
const LIST_WALKS: Record<string, RegExp> = {
  STORIES_MENTIONING: /^NodeIndexSeekByRange RANGE INDEX x:Story\(date\)/,
  RELATED_ENTITIES: /^NodeIndexSeekByRange RANGE INDEX x:Story\(date\)/,
  PROGRAMMES_HELD_IN: /^NodeIndexSeekByRange RANGE INDEX x:Programme\(name\)/,
  PROGRAMMES_HELD_WITHIN: /^NodeIndexSeekByRange RANGE INDEX x:Programme\(name\)/,
  PROGRAMMES_RUN_BY: /^NodeIndexSeekByRange RANGE INDEX x:Programme\(name\)/,
};
function listShape(name: string, cypher: string): Pick<PlannedStatement, 'shape' | 'never'> {
  if (!cypher.includes('$limit')) return {};
  const walk = LIST_WALKS[name];
  return { shape: walk ? [TOP_N, /^PartialTop /, walk] : [TOP_N], never: [/^Sort /] };
}

export function plannedStatements(): PlannedStatement[] {
  const out: PlannedStatement[] = [
    { name: 'programmeRuns(place)', ...runs({ place: '芦淞区' }), anchor: LOOKUP },
    { name: 'programmeRuns(place), no evidence', ...runs({ place: '芦淞区', withEvidence: false }), anchor: LOOKUP },
    { name: 'programmeRuns(place, dates)', ...runs({ place: '芦淞区', publishedFrom: '2023-01-01', publishedTo: '2023-12-31' }), anchor: LOOKUP },
    { name: 'programmeRuns(place, agency, kind, from)', ...runs({ place: '芦淞区', agency: '株洲市人力资源和社会保障局', kind: 'EMPLOYMENT', publishedFrom: '2023-01-01' }), anchor: LOOKUP },
    { name: 'programmeRuns(agency)', ...runs({ agency: '芦淞区' }), anchor: LOOKUP },
    { name: 'programmeRuns(agency, kind, to)', ...runs({ agency: '芦淞区', kind: 'EMPLOYMENT', publishedTo: '2023-12-31' }), anchor: LOOKUP },
    { name: 'programmeRuns(kind)', ...runs({ kind: 'EMPLOYMENT' }), anchor: /NodeIndexSeek/ },
    { name: 'programmeRuns(kind, dates)', ...runs({ kind: 'EMPLOYMENT', publishedFrom: '2023-01-01', publishedTo: '2023-12-31' }), anchor: /NodeIndexSeek/ },
    { name: 'programmeRuns()', ...runs({}), anchor: /NodeIndexScan/ },
  ];
  const statsWhere = { place: null, agency: null, kind: null, ...NO_RANGE };
  // The districts and subdistricts of the places are found once (a CartesianProduct with the
  // runs, not an Apply per run), walking PART_OF down from each place of those levels, and the
  // places inside a filter place once too: no walk up PART_OF from any run's place.
  const rollups = {
    shape: [/^CartesianProduct/, /^NodeIndexSeek RANGE INDEX d:Place\(level\)/, /^VarLengthExpand\(Pruning,BFS,All\) \(d\)<-\[:PART_OF_PAIR\*0\.\.8\]-\(x\)/],
    never: [/^VarLengthExpand.* \(\w+\)-\[[^\]]*PART_OF[^\]]*\]->/],
  };
  for (const [name, where, groupBy, anchor] of [
    ['place', { ...statsWhere, place: '株洲市' }, ['DISTRICT', 'KIND', 'MONTH'], LOOKUP],
    ['place, SUBDISTRICT × AGENCY', { ...statsWhere, place: '株洲市' }, ['SUBDISTRICT', 'AGENCY'], LOOKUP],
    ['agency', { ...statsWhere, agency: '芦淞区' }, ['DISTRICT', 'KIND', 'MONTH'], LOOKUP],
    ['kind', { ...statsWhere, kind: 'EMPLOYMENT' }, ['DISTRICT', 'KIND', 'MONTH'], LOOKUP],
    ['no filter', statsWhere, ['DISTRICT', 'SUBDISTRICT'], /NodeIndexScan/],
  ] as const) {
    const statement = programmeStatsStatement({ where, groupBy: [...groupBy], offset: 0, limit: 20 });
    out.push({ name: `programmeStats(${name})`, ...statement, anchor, ...rollups });
  }
  for (const label of Object.keys(ENTITY_EXAMPLES) as EntityLabel[]) {
    for (const anchor of Object.keys(ENTITY_ANCHORS[label])) {
      const where = ENTITY_EXAMPLES[label][anchor];
      out.push({ name: `${label} list (${anchor})`, ...entityListStatement({ label, where, sort: EntitySort.MENTIONS_DESC, window: WINDOW }), anchor: LOOKUP });
    }
  }
  out.push({ name: 'Programme list (no filter)', ...entityListStatement({ label: 'Programme', where: null, sort: EntitySort.NAME_ASC, window: WINDOW }), anchor: /NodeIndexScan/ });
  for (const anchor of Object.keys(STORY_EXAMPLES) as Array<keyof typeof STORY_ANCHORS>) {
    out.push({ name: `stories (${anchor})`, ...storyListStatement({ where: STORY_EXAMPLES[anchor], sort: StorySort.DATE_DESC, window: WINDOW }), anchor: anchor === 'textPhrase' || anchor === 'textBigram' ? /ProcedureCall/ : LOOKUP });
  }
  // The unfiltered lists: totals from the count store; pages a Top-N sort over the label.
  for (const label of ['Person', 'Organisation', 'Place'] as const) {
    out.push({ name: `${label} list (no filter)`, ...entityListStatement({ label, where: null, sort: EntitySort.NAME_ASC, window: WINDOW }), anchor: /NodeCountFromCountStore/, scans: [label] });
  }
  out.push({ name: 'stories (no filter)', ...storyListStatement({ where: null, sort: StorySort.DATE_DESC, window: WINDOW }), anchor: /NodeCountFromCountStore/, scans: ['Story'] });
  out.push({ name: 'search', cypher: SEARCH_QUERY, params: { lucene: 'lusong*', exact: 'lusong', kinds: null, first: 5, candidates: 50 }, anchor: /ProcedureCall/ });
  out.push({ name: 'path', cypher: PATH_QUERIES[4], params: { from: 'person:谢恩', to: 'org:株洲市人力资源和社会保障局' }, anchor: ID_SEEK });
  out.push({ name: 'stats', cypher: STATS_QUERY, params: {}, anchor: /CountFromCountStore/ });
  for (const [name, value] of Object.entries(relations)) {
    if (typeof value !== 'string') continue;
    out.push({ name: `loader ${name}`, cypher: value, params: { ids: ['place:430203'], limit: 20, window: 200 }, anchor: ID_SEEK, ...listShape(name, value) });
  }
  for (const example of PREFETCH_EXAMPLES) {
    const { cypher, params } = prefetchStatement(example.root, planPrefetch(selectionInfo(example.query, { id: example.id }), PREFETCH_LIMITS));
    // Only the root shows: Neo4j plans the COLLECT subqueries of a projection as expressions of
    // it, out of EXPLAIN's operators (their db hits: api-relation-lists.test.ts, the miniature).
    out.push({ name: `prefetch: ${example.name}`, cypher, params: { ...params, ids: [example.id] }, anchor: ID_SEEK });
  }
  return out;
}
