/**
 * The look-ahead prefetch without a database: which fields a selection gets planned (fragments,
 * type conditions, aliases, directives, arguments, depth), the Cypher a plan becomes (fixed text,
 * nothing of the request in it), and the loader primes an answer becomes.
 */
import { planPrefetch, type PlannedBranch } from '../../../src/api/prefetch/selection-plan';
import { primesOf } from '../../../src/api/prefetch/prime';
import { RELATION_FIELDS } from '../../../src/api/prefetch/relation-fields';
import { MAX_PREFETCH_DEPTH, prefetchStatement, type PrefetchedNode } from '../../../src/api/repositories/prefetch.repository';
import { apiSchema, selectionInfo } from './selection-info';
import { benchCases } from '../../../scripts/bench/cases';

const BENCH_NODE = benchCases({} as never).find((c) => c.name === 'node + nested relations')!.ours.query;

/** The plan as "key/limit[labels](next …)" strings (no limit: an unbounded read), easy to read in a failure. */
function shape(branches: readonly PlannedBranch[]): string[] {
  return branches.map((b) => `${b.key}${b.limit === null ? '' : `/${b.limit}`}${b.labels ? `[${b.labels.join('|')}]` : ''}${b.next.length ? `(${shape(b.next).join(' ')})` : ''}`);
}
/** GRAPHQL_DEFAULT_PAGE_SIZE 20 and GRAPHQL_MAX_PAGE_SIZE 100, the defaults. */
const pages = { defaultPageSize: 20, maxPageSize: 100 };
const plan = (query: string, variables: Record<string, unknown> = {}, depth = 3, maxLists = 100) =>
  shape(planPrefetch(selectionInfo(query, variables), { depth, maxLists, pages }));

describe('planPrefetch', () => {
  it('plans the benchmark node query as four lists of the place, two more under its programmes', () => {
    expect(plan(BENCH_NODE, { id: 'place:430203' })).toEqual([
      'childrenOfPlace/20[Place]',
      'organisationsBasedIn/20[Place]',
      'parentsOfPlace[Place]',
      'programmesHeldIn/20[Place](placesOfProgramme/20 runnersOfProgramme/20)',
    ]);
  });

  it('plans nothing for a selection without lists, so node(id) batches through its loader as before', () => {
    expect(plan('{ node(id: "x") { id name ... on Place { level code } __typename } }')).toEqual([]);
  });

  it('follows named fragments and inline fragments on Entity and on the concrete types, through aliases', () => {
    const query = `
      fragment Kids on Place { kids: children { id ...Up } }
      fragment Up on Entity { ... on Place { up: parent { id } } }
      { node(id: "x") { ... on Entity { ...Kids } ... on Organisation { places { id } } a: stories { id } } }`;
    expect(plan(query)).toEqual(['childrenOfPlace/20[Place](parentsOfPlace)', 'placesOfOrganisation/20[Organisation]', 'storiesMentioning/20']);
  });

  it('merges two aliases of one list, and fields of two types that read one loader, with their selections below', () => {
    const query = `{ node(id: "x") {
      ... on Place { a: children { id } b: children { children { id } } runs { places { id } } }
      ... on Organisation { programmes { runBy { id } } }
    } }`;
    expect(plan(query)).toEqual(['childrenOfPlace/20[Place](childrenOfPlace/20)', 'programmesRunBy/20[Organisation|Place](placesOfProgramme/20 runnersOfProgramme/20)']);
  });

  it('plans a bounded list with the limit its resolver asks for: `first`, its default, or one list per limit', () => {
    const query = `query($n: Int) { node(id: "x") {
      ... on Place { a: children(first: 2) { id } b: children(first: $n) { id } c: children { programmes(first: 1) { id } } runs(first: 3) { id } }
      ... on Organisation { programmes(first: 3) { id } }
      ... on Programme { runBy(first: 0) { id } }
    } }`;
    expect(plan(query, { n: 2 })).toEqual([
      'childrenOfPlace/2[Place]',
      'childrenOfPlace/20[Place](programmesHeldIn/1)',
      'programmesRunBy/3[Organisation|Place]',
      'runnersOfProgramme/0[Programme]',
    ]);
    // first: null is the default, as pageSize has it.
    expect(plan(query, { n: null })).toEqual(['childrenOfPlace/2[Place]', 'childrenOfPlace/20[Place](programmesHeldIn/1)', 'programmesRunBy/3[Organisation|Place]', 'runnersOfProgramme/0[Programme]']);
    expect(plan(query, { n: 5 })[1]).toBe('childrenOfPlace/5[Place]');
  });

  it('leaves a `first` its resolver rejects (over GRAPHQL_MAX_PAGE_SIZE, negative) to the resolver, which reports it', () => {
    const query = (first: number) => `{ node(id: "x") { ... on Place { children(first: ${first}) { id } parent { id } } } }`;
    expect(plan(query(100))).toEqual(['childrenOfPlace/100[Place]', 'parentsOfPlace[Place]']);
    expect(plan(query(101))).toEqual(['parentsOfPlace[Place]']);
    expect(plan(query(-1))).toEqual(['parentsOfPlace[Place]']);
  });

  it('guards a branch by the labels that asked for it only on abstract levels', () => {
    const query = '{ node(id: "x") { ... on Programme { runBy { ... on Organisation { places { id } } ... on Place { children { id } } } places { children { id } } } } }';
    expect(plan(query)).toEqual([
      'placesOfProgramme/20[Programme](childrenOfPlace/20)',
      'runnersOfProgramme/20[Programme](childrenOfPlace/20[Place] placesOfOrganisation/20[Organisation])',
    ]);
  });

  it('leaves fields and fragments under @include / @skip to their resolvers', () => {
    const query = `query($yes: Boolean!) { node(id: "x") { ... on Place {
      children @include(if: $yes) { id }
      parent @skip(if: false) { id }
      ... @include(if: true) { organisations { id } }
      ...Runs @skip(if: false)
      ancestors { id }
    } } }
    fragment Runs on Place { runs { id } }`;
    expect(plan(query, { yes: true })).toEqual(['ancestorsOfPlace[Place]']);
  });

  it('plans programmes only when includeSubplaces is false (the default, a literal or a variable)', () => {
    const query = (args: string) => `query($sub: Boolean!) { node(id: "x") { ... on Place { programmes${args} { id } } } }`;
    expect(plan(query(''), { sub: true })).toEqual(['programmesHeldIn/20[Place]']);
    expect(plan(query('(includeSubplaces: false)'), { sub: true })).toEqual(['programmesHeldIn/20[Place]']);
    expect(plan(query('(includeSubplaces: $sub, first: 4)'), { sub: false })).toEqual(['programmesHeldIn/4[Place]']);
    expect(plan(query('(includeSubplaces: true)'), { sub: false })).toEqual([]);
    expect(plan(query('(includeSubplaces: $sub)'), { sub: true })).toEqual([]);
  });

  it('plans stories with their limit, never related (it counts over a window: no one-node form)', () => {
    expect(plan('{ node(id: "x") { stories(first: 2) { id } related(first: 3) { stories } ... on Place { children { stories { id } related { stories } } } } }')).toEqual([
      'childrenOfPlace/20[Place](storiesMentioning/20)',
      'storiesMentioning/2',
    ]);
  });

  it('stops at the configured depth, and plans nothing at depth 0', () => {
    const query = '{ node(id: "x") { ... on Place { children { children { children { children { id } } } } } } }';
    expect(plan(query, {}, 3)).toEqual(['childrenOfPlace/20[Place](childrenOfPlace/20(childrenOfPlace/20))']);
    expect(plan(query, {}, 1)).toEqual(['childrenOfPlace/20[Place]']);
    expect(plan(query, {}, 0)).toEqual([]);
  });

  it('keeps the first GRAPHQL_PREFETCH_MAX_LISTS lists breadth-first, leaving the rest to their loaders', () => {
    const variables = { id: 'place:430203' };
    expect(plan(BENCH_NODE, variables, 3, 5)).toEqual([
      'childrenOfPlace/20[Place]',
      'organisationsBasedIn/20[Place]',
      'parentsOfPlace[Place]',
      'programmesHeldIn/20[Place](placesOfProgramme/20)',
    ]);
    expect(plan(BENCH_NODE, variables, 3, 2)).toEqual(['childrenOfPlace/20[Place]', 'organisationsBasedIn/20[Place]']);
    expect(plan(BENCH_NODE, variables, 3, 0)).toEqual([]);
  });

  it('plans story(id): mentions whatever its kinds, credits, and lists below the mentioned entities', () => {
    const query = '{ story(id: "s") { headline body document { id } mentions(kinds: [PLACE]) { ... on Place { parent { id } } } credits { person { credits { role } } } } }';
    expect(plan(query)).toEqual(['creditsOfStory', 'mentionsOfStory(parentsOfPlace[Place])']);
  });

  it('knows only fields of the schema, each with a loader bound to one read', () => {
    const reads = new Map<string, string>();
    for (const [type, fields] of Object.entries(RELATION_FIELDS)) {
      const object = apiSchema().getType(type) as { getFields(): Record<string, unknown> } | undefined;
      for (const [name, field] of Object.entries(fields)) {
        expect(object?.getFields()[name]).toBeDefined();
        expect(reads.get(field.loader) ?? field.read).toBe(field.read);
        reads.set(field.loader, field.read);
      }
    }
  });
});

describe('prefetchStatement', () => {
  it('is one constant text per selection shape, with the ids and the limits as its only parameters', () => {
    const branches = planPrefetch(selectionInfo(BENCH_NODE, { id: 'place:430203' }), { depth: 3, maxLists: 16, pages });
    const { cypher, params } = prefetchStatement('Entity', branches);
    expect(cypher).toMatchSnapshot();
    expect([...new Set(cypher.match(/\$\w+/g))]).toEqual(['$ids', '$limit_0', '$limit_1', '$limit_2', '$limit_3', '$limit_4']);
    expect(params).toEqual({ limit_0: 20, limit_1: 20, limit_2: 20, limit_3: 20, limit_4: 20 });
    // Aliases never reach the text, and `first` only the parameters.
    const aliased = `{ node(id: "place:430203") { ... on Place { x__evil__: children(first: 7) { id } zzz: parent { id } p: programmes(first: 1) { r: runBy { id } l: places { id } } organisations { id } } } }`;
    const other = prefetchStatement('Entity', planPrefetch(selectionInfo(aliased), { depth: 3, maxLists: 16, pages }));
    expect(other.cypher).toBe(cypher);
    expect(other.params).toEqual({ limit_0: 7, limit_1: 20, limit_2: 1, limit_3: 20, limit_4: 20 });
  });

  it('refuses keys and labels that are not plain names, and nesting beyond its variables', () => {
    expect(() => prefetchStatement('Entity', [{ key: 'a}) MATCH (n', read: 'childrenOfPlaces', limit: 1, labels: null, next: [] }])).toThrow(/plain identifier/);
    expect(() => prefetchStatement('Entity', [{ key: 'a', read: 'childrenOfPlaces', limit: 1, labels: ['Place) OR true //'], next: [] }])).toThrow(/not a node label/);
    expect(() => prefetchStatement('Entity', [{ key: 'a', read: 'childrenOfPlaces', limit: null, labels: null, next: [] }])).toThrow(/needs limit/);
    expect(() => prefetchStatement('Entity', [{ key: 'a', read: 'parentsOfPlaces', limit: 3, labels: null, next: [] }])).toThrow(/takes no limit/);
    let deep: PlannedBranch = { key: 'childrenOfPlace', read: 'childrenOfPlaces', limit: 1, labels: null, next: [] };
    for (let i = 0; i < MAX_PREFETCH_DEPTH; i++) deep = { ...deep, next: [deep] };
    expect(() => prefetchStatement('Entity', [deep])).toThrow(/at most/);
  });
});

describe('primesOf', () => {
  // As entityTuple projects it: id, name, aliases, label, type, level, code, kind, targets.
  const place = (id: string, name: string) => [id, name, null, 'Place', null, 'DISTRICT', null, null, null];
  const branches: PlannedBranch[] = [
    { key: 'childrenOfPlace', read: 'childrenOfPlaces', limit: 20, labels: ['Place'], next: [{ key: 'parentsOfPlace', read: 'parentsOfPlaces', limit: null, labels: null, next: [] }] },
    { key: 'childrenOfPlace', read: 'childrenOfPlaces', limit: 1, labels: ['Place'], next: [] },
    { key: 'placesOfOrganisation', read: 'placesOfOrganisations', limit: 20, labels: ['Organisation'], next: [] },
  ];

  it('primes each node, each list by its node id and limit (rows mapped as the batched reads map them), and null for ids not found', () => {
    const found = new Map<string, PrefetchedNode>([
      [
        'place:1',
        {
          row: place('place:1', '甲'),
          next: {
            childrenOfPlace: [{ row: place('place:2', '乙'), next: { parentsOfPlace: [place('place:1', '甲')] } }],
            childrenOfPlace1: [place('place:2', '乙')],
            placesOfOrganisation: null,
          },
        },
      ],
    ]);
    const mapped = (id: string, name: string) => ({ id, name, aliases: [], label: 'Place', type: null, level: 'DISTRICT', code: null, kind: null, targets: [] });
    expect(primesOf('Entity', branches, ['place:1', 'place:none'], found)).toEqual([
      { loader: 'entity', key: 'place:1', value: mapped('place:1', '甲') },
      { loader: 'childrenOfPlace', key: { id: 'place:1', limit: 20 }, value: [mapped('place:2', '乙')] },
      { loader: 'parentsOfPlace', key: 'place:2', value: [mapped('place:1', '甲')] },
      { loader: 'childrenOfPlace', key: { id: 'place:1', limit: 1 }, value: [mapped('place:2', '乙')] },
      { loader: 'entity', key: 'place:none', value: null },
    ]);
  });
});
