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

/** The plan as "key[labels](next …)" strings, easy to read in a failure. */
function shape(branches: readonly PlannedBranch[]): string[] {
  return branches.map((b) => `${b.key}${b.labels ? `[${b.labels.join('|')}]` : ''}${b.next.length ? `(${shape(b.next).join(' ')})` : ''}`);
}
const plan = (query: string, variables: Record<string, unknown> = {}, depth = 3, maxLists = 100) => shape(planPrefetch(selectionInfo(query, variables), { depth, maxLists }));

describe('planPrefetch', () => {
  it('plans the benchmark node query as four lists of the place, two more under its programmes', () => {
    expect(plan(BENCH_NODE, { id: 'place:430203' })).toEqual([
      'childrenOfPlace[Place]',
      'organisationsBasedIn[Place]',
      'parentsOfPlace[Place]',
      'programmesHeldIn[Place](placesOfProgramme runnersOfProgramme)',
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
    expect(plan(query)).toEqual(['childrenOfPlace[Place](parentsOfPlace)', 'placesOfOrganisation[Organisation]']);
  });

  it('merges two aliases of one list, and fields of two types that read one loader, with their selections below', () => {
    const query = `{ node(id: "x") {
      ... on Place { a: children { id } b: children { children { id } } runs { places { id } } }
      ... on Organisation { programmes { runBy { id } } }
    } }`;
    expect(plan(query)).toEqual(['childrenOfPlace[Place](childrenOfPlace)', 'programmesRunBy[Organisation|Place](placesOfProgramme runnersOfProgramme)']);
  });

  it('guards a branch by the labels that asked for it only on abstract levels', () => {
    const query = '{ node(id: "x") { ... on Programme { runBy { ... on Organisation { places { id } } ... on Place { children { id } } } places { children { id } } } } }';
    expect(plan(query)).toEqual(['placesOfProgramme[Programme](childrenOfPlace)', 'runnersOfProgramme[Programme](childrenOfPlace[Place] placesOfOrganisation[Organisation])']);
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
    expect(plan(query(''), { sub: true })).toEqual(['programmesHeldIn[Place]']);
    expect(plan(query('(includeSubplaces: false)'), { sub: true })).toEqual(['programmesHeldIn[Place]']);
    expect(plan(query('(includeSubplaces: $sub)'), { sub: false })).toEqual(['programmesHeldIn[Place]']);
    expect(plan(query('(includeSubplaces: true)'), { sub: false })).toEqual([]);
    expect(plan(query('(includeSubplaces: $sub)'), { sub: true })).toEqual([]);
  });

  it('never plans stories or related (their `first` belongs to their own queries)', () => {
    expect(plan('{ node(id: "x") { stories { id } related(first: 3) { stories } ... on Place { children { stories { id } } } } }')).toEqual(['childrenOfPlace[Place]']);
  });

  it('stops at the configured depth, and plans nothing at depth 0', () => {
    const query = '{ node(id: "x") { ... on Place { children { children { children { children { id } } } } } } }';
    expect(plan(query, {}, 3)).toEqual(['childrenOfPlace[Place](childrenOfPlace(childrenOfPlace))']);
    expect(plan(query, {}, 1)).toEqual(['childrenOfPlace[Place]']);
    expect(plan(query, {}, 0)).toEqual([]);
  });

  it('keeps the first GRAPHQL_PREFETCH_MAX_LISTS lists breadth-first, leaving the rest to their loaders', () => {
    const variables = { id: 'place:430203' };
    expect(plan(BENCH_NODE, variables, 3, 5)).toEqual([
      'childrenOfPlace[Place]',
      'organisationsBasedIn[Place]',
      'parentsOfPlace[Place]',
      'programmesHeldIn[Place](placesOfProgramme)',
    ]);
    expect(plan(BENCH_NODE, variables, 3, 2)).toEqual(['childrenOfPlace[Place]', 'organisationsBasedIn[Place]']);
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
  it('is one constant text per selection shape, with the ids as its only parameter', () => {
    const branches = planPrefetch(selectionInfo(BENCH_NODE, { id: 'place:430203' }), { depth: 3, maxLists: 16 });
    const cypher = prefetchStatement('Entity', branches);
    expect(cypher).toMatchSnapshot();
    expect(cypher.match(/\$\w+/g)).toEqual(['$ids']);
    const aliased = `{ node(id: "place:430203") { ... on Place { x__evil__: children { id } zzz: parent { id } p: programmes { r: runBy { id } l: places { id } } organisations { id } } } }`;
    expect(prefetchStatement('Entity', planPrefetch(selectionInfo(aliased), { depth: 3, maxLists: 16 }))).toBe(cypher);
  });

  it('refuses keys and labels that are not plain names, and nesting beyond its variables', () => {
    expect(() => prefetchStatement('Entity', [{ key: 'a}) MATCH (n', read: 'childrenOfPlaces', labels: null, next: [] }])).toThrow(/plain identifier/);
    expect(() => prefetchStatement('Entity', [{ key: 'a', read: 'childrenOfPlaces', labels: ['Place) OR true //'], next: [] }])).toThrow(/not a node label/);
    let deep: PlannedBranch = { key: 'childrenOfPlace', read: 'childrenOfPlaces', labels: null, next: [] };
    for (let i = 0; i < MAX_PREFETCH_DEPTH; i++) deep = { ...deep, next: [deep] };
    expect(() => prefetchStatement('Entity', [deep])).toThrow(/at most/);
  });
});

describe('primesOf', () => {
  const place = (id: string, name: string) => ({ id, name, aliases: null, label: 'Place', level: 'DISTRICT', targets: null });
  const branches: PlannedBranch[] = [
    { key: 'childrenOfPlace', read: 'childrenOfPlaces', labels: ['Place'], next: [{ key: 'parentsOfPlace', read: 'parentsOfPlaces', labels: null, next: [] }] },
    { key: 'placesOfOrganisation', read: 'placesOfOrganisations', labels: ['Organisation'], next: [] },
  ];

  it('primes each node, each list by its node id (rows mapped as the batched reads map them), and null for ids not found', () => {
    const found = new Map<string, PrefetchedNode>([
      [
        'place:1',
        {
          row: place('place:1', '甲'),
          next: { childrenOfPlace: [{ row: place('place:2', '乙'), next: { parentsOfPlace: [place('place:1', '甲')] } }], placesOfOrganisation: null },
        },
      ],
    ]);
    const mapped = (id: string, name: string) => ({ ...place(id, name), aliases: [], targets: [] });
    expect(primesOf('Entity', branches, ['place:1', 'place:none'], found)).toEqual([
      { loader: 'entity', key: 'place:1', value: mapped('place:1', '甲') },
      { loader: 'childrenOfPlace', key: 'place:1', value: [mapped('place:2', '乙')] },
      { loader: 'parentsOfPlace', key: 'place:2', value: [mapped('place:1', '甲')] },
      { loader: 'entity', key: 'place:none', value: null },
    ]);
  });
});
