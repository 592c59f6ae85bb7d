/**
 * The Cypher of the key queries, pinned: a change to their text shows up in review as a
 * snapshot diff (update with `npx jest --selectProjects unit -u` when intended).
 */
import { PATH_QUERIES, MAX_PATH_HOPS } from '../../../src/api/repositories/path.repository';
import { PROGRAMME_RUNS_QUERY } from '../../../src/api/repositories/programme-run.repository';
import { SEARCH_QUERY } from '../../../src/api/repositories/search.repository';
import { ENTITY_LIST_QUERIES, STORY_LIST_QUERIES } from '../../../src/api/repositories/list.repository';
import { PROGRAMMES_HELD_IN, RELATED_ENTITIES, STORIES_MENTIONING } from '../../../src/api/repositories/relations.repository';

describe('pinned Cypher', () => {
  it('programmeRuns', () => expect(PROGRAMME_RUNS_QUERY).toMatchSnapshot());
  it('search', () => expect(SEARCH_QUERY).toMatchSnapshot());
  it('path (4 hops)', () => expect(PATH_QUERIES[4]).toMatchSnapshot());
  it('stories (newest first)', () => expect(STORY_LIST_QUERIES.NONE.DATE_DESC).toMatchSnapshot());
  it('stories published in a range (newest first)', () => expect(STORY_LIST_QUERIES.published.DATE_DESC).toMatchSnapshot());
  it('programmes (by name)', () => expect(ENTITY_LIST_QUERIES.Programme.NONE.NAME_ASC).toMatchSnapshot());
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

  it('never splices a parameter value into query text (every user value is a $parameter)', () => {
    for (const cypher of [PROGRAMME_RUNS_QUERY, SEARCH_QUERY, ...Object.values(PATH_QUERIES), STORIES_MENTIONING, RELATED_ENTITIES, PROGRAMMES_HELD_IN]) {
      expect(cypher).not.toMatch(/\$\{/);
    }
  });
});
