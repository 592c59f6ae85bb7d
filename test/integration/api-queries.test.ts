/**
 * Every public query against the hand-made fixture (two pages, loaded by the real loader into
 * the tests' Neo4j), with exact answers.
 */
import { IDS, SENTENCES } from '../unit/api/fixture';
import { startFixtureServer, type FixtureServer } from '../unit/api/fixture-server';

jest.setTimeout(60_000);

let f: FixtureServer;
beforeAll(async () => {
  f = await startFixtureServer();
});
afterAll(async () => {
  await f.stop();
});

const names = (items: Array<{ name: string }>) => items.map((item) => item.name);

describe('programmeRuns', () => {
  const RUNS = `query($where: ProgrammeRunFilter) { programmeRuns(where: $where) {
    agency { __typename id name } programme { name kind targets } places { name }
    evidence { sentence story { id headline } } } }`;
  type Runs = { programmeRuns: Array<{ agency: { __typename: string; id: string; name: string }; programme: { name: string; kind: string }; places: Array<{ name: string }>; evidence: Array<{ sentence: string; story: { id: string } }> }> };

  it('rolls a place up: programmes held in 董家塅街道 and 沿河三村社区 answer 芦淞区, with a district acting as agency', async () => {
    const { programmeRuns } = await f.gql<Runs>(RUNS, { where: { place: '芦淞区' } });
    expect(programmeRuns.map((run) => [run.agency.name, run.programme.name, names(run.places)])).toEqual([
      ['株洲市人力资源和社会保障局', '共享生活管家零工服务平台', ['董家塅街道']],
      ['株洲市人力资源和社会保障局', '就业援助月', ['沿河三村社区']],
      ['芦淞区', '服饰城从业人员二次创业攻坚行动', []],
    ]);
    expect(programmeRuns[2].agency.__typename).toBe('Place');
    expect(programmeRuns[0].evidence).toEqual([
      { sentence: SENTENCES.platformRun, story: { id: IDS.a0, headline: '“共享生活管家”帮下岗职工家门口就业' } },
      { sentence: SENTENCES.platformHeld, story: { id: IDS.a0, headline: '“共享生活管家”帮下岗职工家门口就业' } },
    ]);
  });

  it('takes the printed alias or the id of the place, and filters by kind', async () => {
    const byAlias = await f.gql<Runs>(RUNS, { where: { place: '董家墩街道', kind: 'EMPLOYMENT' } });
    expect(byAlias.programmeRuns.map((run) => run.programme.name)).toEqual(['共享生活管家零工服务平台', '就业援助月']);
    const byId = await f.gql<Runs>(RUNS, { where: { place: IDS.yanhe } });
    expect(byId.programmeRuns.map((run) => run.programme.name)).toEqual(['就业援助月']);
    const city = await f.gql<Runs>(RUNS, { where: { place: '株洲市', kind: 'EMPLOYMENT' } });
    expect(city.programmeRuns.map((run) => run.programme.name)).toEqual(['共享生活管家零工服务平台', '大学生就业见习', '就业援助月']);
  });

  it('filters by agency name, alias or id, and answers everything without a filter', async () => {
    const byAlias = await f.gql<Runs>(RUNS, { where: { agency: '市人社局' } });
    expect(byAlias.programmeRuns.map((run) => run.programme.name)).toEqual(['共享生活管家零工服务平台', '就业援助月']);
    const byId = await f.gql<Runs>(RUNS, { where: { agency: IDS.hut, place: '天元区' } });
    expect(byId.programmeRuns.map((run) => [run.programme.name, names(run.places)])).toEqual([['大学生就业见习', ['天元区']]]);
    const all = await f.gql<Runs>(RUNS, {});
    expect(all.programmeRuns).toHaveLength(5);
    const none = await f.gql<Runs>(RUNS, { where: { place: '不存在的地方' } });
    expect(none.programmeRuns).toEqual([]);
  });
});

describe('search', () => {
  const SEARCH = `query($text: String!, $kinds: [EntityKind!], $first: Int) { search(text: $text, kinds: $kinds, first: $first) { __typename id name } }`;
  const top = async (text: string, kinds?: string[]) =>
    (await f.gql<{ search: Array<{ name: string; __typename: string }> }>(SEARCH, { text, kinds })).search;

  it.each(['芦淞区', '芦淞', 'lusong', 'LUSONG', 'lúsōng', 'Lusong District', 'lu song', 'lusongqu'])('finds 芦淞区 first for %s', async (text) => {
    expect((await top(text))[0]?.name).toBe('芦淞区');
  });

  it('finds an organisation by its abbreviation and by pinyin, and a place by its printed variant', async () => {
    expect((await top('市人社局'))[0]?.name).toBe('株洲市人力资源和社会保障局');
    expect((await top('hunan gongye'))[0]?.name).toBe('湖南工业大学');
    expect((await top('董家墩街道'))[0]?.name).toBe('董家塅街道');
  });

  it('restricts to kinds and caps the count', async () => {
    const people = await top('杨', ['PERSON']);
    expect(people.every((hit) => hit.__typename === 'Person')).toBe(true);
    expect(names(people).sort()).toEqual(['杨凌凌', '杨如']);
    const { search } = await f.gql<{ search: unknown[] }>(SEARCH, { text: '就业', first: 1 });
    expect(search).toHaveLength(1);
  });

  it('treats Lucene syntax in user text as text, not as a query', async () => {
    for (const text of ['芦淞区 AND (', '"', '*', 'lusong~2 OR name:*', '\\', '']) {
      const { status, body } = await f.post(SEARCH, { text });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
  });
});

describe('path', () => {
  const PATH = `query($from: ID!, $to: ID!, $maxHops: Int) { path(from: $from, to: $to, maxHops: $maxHops) {
    length nodes { id label name entity { name } story { headline } } edges { type from to evidence detail story { id } } } }`;
  type P = { path: null | { length: number; nodes: Array<{ id: string; label: string; name: string }>; edges: Array<{ type: string; from: string; to: string; story: { id: string } | null }> } };

  it('connects 谢恩 to 株洲市人力资源和社会保障局 through the story that names both', async () => {
    const { path } = await f.gql<P>(PATH, { from: IDS.xie, to: IDS.renshe });
    expect(path?.length).toBe(2);
    expect(path?.nodes.map((node) => node.label)).toEqual(['Person', 'Story', 'Organisation']);
    expect(path?.nodes[1].id).toBe(IDS.a1);
    expect(path?.edges.map((edge) => [edge.type, edge.from, edge.to])).toEqual([
      ['MENTIONS', IDS.a1, IDS.xie],
      ['MENTIONS', IDS.a1, IDS.renshe],
    ]);
  });

  it('accepts exact names, follows PART_OF, and answers null beyond maxHops', async () => {
    const { path } = await f.gql<P>(PATH, { from: '沿河三村社区', to: '芦淞区' });
    expect(path?.edges.map((edge) => edge.type)).toEqual(['PART_OF', 'PART_OF']);
    expect(path?.edges[0].story).toBeNull();
    expect((await f.gql<P>(PATH, { from: '沿河三村社区', to: '芦淞区', maxHops: 1 })).path).toBeNull();
    expect((await f.gql<P>(PATH, { from: IDS.xie, to: 'nobody' })).path).toBeNull();
  });

  it('rejects maxHops outside 1..6 and a path from a node to itself', async () => {
    for (const variables of [{ from: IDS.xie, to: IDS.renshe, maxHops: 7 }, { from: IDS.xie, to: IDS.renshe, maxHops: 0 }, { from: IDS.xie, to: IDS.xie }]) {
      const { body } = await f.post(PATH, variables);
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('node and story', () => {
  it('answers everything about 董家墩街道 in one request', async () => {
    const { node } = await f.gql<{ node: Record<string, unknown> }>(`{ node(id: "${IDS.dongjiaduan}") {
      __typename id name aliases label
      ... on Place {
        level code parent { name } ancestors { name } children { name }
        programmes { name } within: programmes(includeSubplaces: true) { name runBy { name } }
        people { person { name } title evidence { sentence story { id } } }
        organisations { name } runs { name }
      }
      stories { id } related(first: 2) { entity { name } stories }
    } }`);
    expect(node).toEqual({
      __typename: 'Place',
      id: IDS.dongjiaduan,
      name: '董家塅街道',
      aliases: ['董家墩街道'],
      label: 'PLACE',
      level: 'SUBDISTRICT',
      code: '430203004',
      parent: { name: '芦淞区' },
      ancestors: [{ name: '芦淞区' }, { name: '株洲市' }, { name: '湖南省' }],
      children: [{ name: '沿河三村社区' }],
      programmes: [{ name: '共享生活管家零工服务平台' }],
      within: [
        { name: '共享生活管家零工服务平台', runBy: [{ name: '株洲市人力资源和社会保障局' }] },
        { name: '就业援助月', runBy: [{ name: '株洲市人力资源和社会保障局' }] },
      ],
      people: [{ person: { name: '刘敏' }, title: '党工委书记', evidence: { sentence: SENTENCES.liu, story: { id: IDS.a0 } } }],
      organisations: [],
      runs: [],
      stories: [{ id: IDS.a0 }],
      related: expect.any(Array),
    });
    expect((node.related as unknown[]).length).toBe(2);
  });

  it('navigates organisation, programme and person fields from both ends', async () => {
    const data = await f.gql<Record<string, Record<string, unknown>>>(`{
      org: node(id: "${IDS.renshe}") { ... on Organisation { type places { name } programmes { name } people { person { name } } }
        related(first: 1) { entity { name } stories } stories { id } }
      school: node(id: "${IDS.nanyang}") { ... on Organisation { people { person { name } title at { name } } } }
      programme: node(id: "${IDS.platform}") { ... on Programme { kind targets runBy { __typename name } places { name } } stories { id } }
      person: node(id: "${IDS.yang}") { ... on Person { credits { role story { id } } positions { title } } }
      district: node(id: "${IDS.lusong}") { ... on Place { runs { name } children { name } parent { name } } }
      missing: node(id: "place:nowhere") { id }
    }`);
    expect(data.org).toEqual({
      type: 'GOVERNMENT',
      places: [{ name: '株洲市' }],
      programmes: [{ name: '共享生活管家零工服务平台' }, { name: '就业援助月' }],
      people: [],
      related: [{ entity: expect.objectContaining({ name: expect.any(String) }), stories: 1 }],
      stories: expect.arrayContaining([{ id: IDS.a0 }, { id: IDS.a1 }, { id: IDS.b0 }]),
    });
    expect(data.school.people).toEqual([{ person: { name: '谢恩' }, title: '烹饪教师', at: { name: '株洲市南洋职业技术学校' } }]);
    expect(data.programme).toEqual({
      kind: 'EMPLOYMENT',
      targets: ['下岗职工'],
      runBy: [{ __typename: 'Organisation', name: '株洲市人力资源和社会保障局' }],
      places: [{ name: '董家塅街道' }],
      stories: [{ id: IDS.a0 }],
    });
    expect(data.person).toEqual({ credits: [{ role: '全媒体记者', story: { id: IDS.a0 } }, { role: '全媒体记者', story: { id: IDS.a1 } }], positions: [] });
    expect(data.district).toEqual({ runs: [{ name: '服饰城从业人员二次创业攻坚行动' }], children: [{ name: '董家塅街道' }], parent: { name: '株洲市' } });
    expect(data.missing).toBeNull();
  });

  it('answers a story with its credits, mentions and page', async () => {
    const { story } = await f.gql<{ story: Record<string, unknown> }>(`{ story(id: "${IDS.a0}") {
      id headline kicker subtitle section date position body
      credits { role person { name } story { id } }
      mentions(kinds: [ORGANISATION, PERSON]) { __typename name }
      document { id source ingestedAt stories { position } }
    } }`);
    expect(story).toMatchObject({
      id: IDS.a0,
      headline: '“共享生活管家”帮下岗职工家门口就业',
      kicker: '盘存量、扩增量',
      subtitle: null,
      section: '就业·创业',
      date: '2022-12-12',
      position: 0,
      credits: [
        { role: '全媒体记者', person: { name: '杨凌凌' }, story: { id: IDS.a0 } },
        { role: '通讯员', person: { name: '罗金鹏' }, story: { id: IDS.a0 } },
      ],
      mentions: [
        { __typename: 'Organisation', name: '株洲市人力资源和社会保障局' },
        { __typename: 'Person', name: '刘敏' },
      ],
      document: { id: IDS.docA, source: 'fixture-a.txt', stories: [{ position: 0 }, { position: 1 }] },
    });
    expect((story.body as string).startsWith(SENTENCES.platformRun)).toBe(true);
    expect((await f.gql<{ story: null }>('{ story(id: "story:none:0") { id } }')).story).toBeNull();
  });
});

describe('lists with filters, sorting and cursor pagination', () => {
  type Conn = { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: { name?: string; headline?: string } }> };

  it('pages through stories newest first with cursors', async () => {
    const Q = `query($after: String) { stories(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id headline } } } }`;
    const first = (await f.gql<{ stories: Conn }>(Q)).stories;
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((edge) => (edge.node as { id: string }).id)).toEqual([IDS.a0, IDS.a1]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[1].cursor });
    const second = (await f.gql<{ stories: Conn }>(Q, { after: first.pageInfo.endCursor })).stories;
    expect(second.edges.map((edge) => (edge.node as { id: string }).id)).toEqual([IDS.b0]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const oldest = (await f.gql<{ stories: Conn }>('{ stories(orderBy: DATE_ASC, first: 1) { edges { node { id } } } }')).stories;
    expect((oldest.edges[0].node as { id: string }).id).toBe(IDS.b0);
  });

  it('filters stories: who reported on 芦淞区, and which mention both 市人社局 and 湖南工业大学', async () => {
    const lusong = await f.gql<{ stories: { edges: Array<{ node: { id: string; credits: Array<{ person: { name: string } }> } }> } }>(
      '{ stories(where: {place: "芦淞区"}) { edges { node { id credits { person { name } } } } } }',
    );
    expect(lusong.stories.edges.map((edge) => [edge.node.id, edge.node.credits.map((credit) => credit.person.name)])).toEqual([[IDS.a0, ['杨凌凌', '罗金鹏']]]);
    const both = await f.gql<{ stories: Conn }>('{ stories(where: {mentions: ["市人社局", "湖南工业大学"]}) { totalCount edges { node { headline } } } }');
    expect(both.stories.edges.map((edge) => edge.node.headline)).toEqual(['天元区：大学生就业见习基地揭牌']);
    const other = await f.gql<{ stories: Conn }>(`{
      byReporter: stories(where: {reporter: "杨凌凌", section: "就业·创业"}) { totalCount }
      byText: stories(where: {textContains: "烹饪"}) { totalCount }
      byHeadline: stories(where: {headlineContains: "见习"}) { totalCount }
      byDate: stories(where: {dateFrom: "2022-12-01", dateTo: "2022-12-31"}, orderBy: HEADLINE_ASC) { totalCount }
    }`);
    expect(other).toEqual({ byReporter: { totalCount: 2 }, byText: { totalCount: 1 }, byHeadline: { totalCount: 1 }, byDate: { totalCount: 2 } });
  });

  it('filters and sorts people, organisations, places and programmes', async () => {
    const data = await f.gql<Record<string, Conn>>(`{
      people(orderBy: NAME_DESC, first: 2) { totalCount pageInfo { hasNextPage } edges { node { name } } }
      atSchool: people(where: {organisation: "南洋技校"}) { edges { node { name } } }
      organisations(where: {type: EDUCATION}) { totalCount edges { node { name } } }
      inCity: organisations(where: {place: "湖南省"}) { edges { node { name } } }
      byMentions: organisations(orderBy: MENTIONS_DESC, first: 1) { edges { node { name } } }
      places(where: {within: "芦淞区"}) { edges { node { name } } }
      districts: places(where: {level: DISTRICT, nameContains: "区"}) { edges { node { name } } }
      programmes(where: {kind: EMPLOYMENT, place: "芦淞区"}) { edges { node { name } } }
      byAgency: programmes(where: {agency: "芦淞区"}) { edges { node { name } } }
      named: programmes(where: {nameContains: "培训"}) { edges { node { name } } }
    }`);
    const list = (key: string) => data[key].edges.map((edge) => edge.node.name);
    expect(data.people.totalCount).toBe(5);
    expect(data.people.pageInfo.hasNextPage).toBe(true);
    // Cypher orders strings by code point: 谢 (U+8C22) after 罗 (U+7F57).
    expect(list('people')).toEqual(['谢恩', '罗金鹏']);
    expect(list('atSchool')).toEqual(['谢恩']);
    expect(list('organisations')).toEqual(['株洲市南洋职业技术学校', '湖南工业大学']);
    expect(list('inCity')).toEqual(['株洲市人力资源和社会保障局']);
    expect(list('byMentions')).toEqual(['株洲市人力资源和社会保障局']);
    expect(list('places')).toEqual(['沿河三村社区', '董家塅街道']);
    expect(list('districts')).toEqual(['天元区', '芦淞区']);
    expect(list('programmes')).toEqual(['共享生活管家零工服务平台', '就业援助月']);
    expect(list('byAgency')).toEqual(['服饰城从业人员二次创业攻坚行动']);
    expect(list('named')).toEqual(['湘菜烹饪培训班']);
  });
});

describe('stats', () => {
  it('counts what the fixture loaded', async () => {
    const { stats } = await f.gql<{ stats: Record<string, number> }>('{ stats { documents stories people organisations places programmes relationships } }');
    expect(stats).toMatchObject({ documents: 2, stories: 3, people: 5, organisations: 3, places: 6, programmes: 5 });
    expect(stats.relationships).toBe(40);
  });
});
