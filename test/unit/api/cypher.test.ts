/**
 * The Cypher of the key queries, pinned: a change to their text shows up in review as a
 * snapshot diff (update with `npx jest --selectProjects unit -u` when intended).
 */
import { PATH_QUERIES, MAX_PATH_HOPS } from '../../../src/api/repositories/path.repository';
import { PROGRAMME_RUNS_QUERY } from '../../../src/api/repositories/programme-run.repository';
import { SEARCH_QUERY } from '../../../src/api/repositories/search.repository';
import { entityListStatement, storyListStatement } from '../../../src/api/repositories/list.repository';
import { queryTexts } from '../../../src/api/repositories/fragments.repository';
import { EntitySort, StorySort } from '../../../src/api/types/enums.type';
import { PROGRAMMES_HELD_IN, RELATED_ENTITIES, STORIES_MENTIONING } from '../../../src/api/repositories/relations.repository';

const WINDOW = { offset: 0, limit: 20 };
const stories = (where: object | null) => storyListStatement({ where, sort: StorySort.DATE_DESC, window: WINDOW }).cypher;

describe('pinned Cypher', () => {
  it('programmeRuns', () => expect(PROGRAMME_RUNS_QUERY).toMatchSnapshot());
  it('search', () => expect(SEARCH_QUERY).toMatchSnapshot());
  it('path (4 hops)', () => expect(PATH_QUERIES[4]).toMatchSnapshot());
  it('stories (newest first)', () => expect(stories(null)).toMatchSnapshot());
  it('stories published in a range (newest first)', () => expect(stories({ publishedFrom: '2023-01-01', publishedTo: '2023-01-31' })).toMatchSnapshot());
  it('programmes (by name)', () => expect(entityListStatement({ label: 'Programme', where: null, sort: EntitySort.NAME_ASC, window: WINDOW }).cypher).toMatchSnapshot());
  it('an entity\'s stories (first $limit, walked or sorted)', () => expect(STORIES_MENTIONING).toMatchSnapshot());
  it('an entity\'s related entities (over its newest $window stories)', () => expect(RELATED_ENTITIES).toMatchSnapshot());
  it('a place\'s programmes (first $limit, walked or sorted)', () => expect(PROGRAMMES_HELD_IN).toMatchSnapshot());

  it('has one path query per hop limit: the shortest of all to the limit, facts only to each length it may have', () => {
    expect(Object.keys(PATH_QUERIES)).toHaveLength(MAX_PATH_HOPS);
    for (let hops = 1; hops <= MAX_PATH_HOPS; hops++) {
      const bounds = [...PATH_QUERIES[hops].matchAll(/\*\.\.(\d+)\]/g)].map((match) => Number(match[1]));
      expect(bounds).toEqual([hops, ...Array.from({ length: hops }, (_, index) => index + 1)]);
      expect(PATH_QUERIES[hops].match(/WHERE length\(any\) = \d+/g)).toHaveLength(hops);
    }
  });

  it('puts in a list query the predicates of the filters given and no others, one text per shape', () => {
    const both = storyListStatement({ where: { section: '要闻', reporter: '王某' }, sort: StorySort.DATE_DESC, window: WINDOW });
    // Anchored on the reporter, so only the section is tested on what it yields.
    expect(both.cypher).toContain('s.section = $section');
    expect(both.cypher).not.toContain('$textContains');
    expect(both.cypher).not.toContain('IS NULL OR');
    expect(both.cypher).not.toMatch(/MATCH \(p:Person\)-\[:REPORTED\]->\(s\) WHERE/);
    expect(both.params).toMatchObject({ section: '要闻', reporter: '王某', anchor: '王某' });
    const again = storyListStatement({ where: { reporter: '李某', section: '体育' }, sort: StorySort.DATE_DESC, window: WINDOW });
    expect(again.cypher).toBe(both.cypher);
    expect(again.cypher).not.toContain('李某');
    const named = entityListStatement({ label: 'Organisation', where: { nameContains: '人社', type: 'GOVERNMENT' }, sort: EntitySort.NAME_ASC, window: WINDOW });
    expect(named.cypher).toContain('n.name CONTAINS $nameContains');
    expect(named.cypher).not.toContain('$place');
    // An empty mentions list filters nothing, as before: the unfiltered text.
    expect(storyListStatement({ where: { mentions: [] }, sort: StorySort.DATE_DESC, window: WINDOW }).cypher).toBe(stories(null));
  });

  it('never splices a parameter value into query text (every user value is a $parameter)', () => {
    for (const cypher of [PROGRAMME_RUNS_QUERY, SEARCH_QUERY, ...Object.values(PATH_QUERIES), STORIES_MENTIONING, RELATED_ENTITIES, PROGRAMMES_HELD_IN]) {
      expect(cypher).not.toMatch(/\$\{/);
    }
  });
});

describe('queryTexts', () => {
  it('builds each text once per key, and a bounded cache starts over when full', () => {
    const built: string[] = [];
    const build = (key: string) => () => (built.push(key), `text of ${key}`);
    const texts = queryTexts(2);
    expect(texts('a', build('a'))).toBe('text of a');
    expect(texts('a', build('a'))).toBe('text of a');
    texts('b', build('b'));
    expect(built).toEqual(['a', 'b']);
    texts('c', build('c'));
    texts('a', build('a'));
    expect(built).toEqual(['a', 'b', 'c', 'a']);
  });
});
