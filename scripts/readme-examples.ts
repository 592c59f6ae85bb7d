/**
 * The README's example-query gallery: runs each example query against a GraphQL server on the
 * seed graph and writes the query with its real (trimmed) JSON answer into README.md between
 * `<!-- examples:start -->` and `<!-- examples:end -->` (appended at the end when absent). Nothing
 * else in README.md is touched.
 *
 * Run from the repository root:
 *
 *   npm run build && node dist/scripts/readme-examples.js                      # own server
 *   npm run build && node dist/scripts/readme-examples.js --url http://localhost:4000/graphql
 *
 * Without --url it opens the database as `npm start` does (NEO4J_URI, or the embedded Neo4j),
 * ingests seeds/, and serves on a free loopback port for the duration of the run.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ROOT_DIR } from '../src/config';
import { openDatabase, type Database } from '../src/neo4j/database';
import { ingestPaths } from '../src/ingest/run';
import { startServer, type RunningServer } from '../src/api/server';

export interface Example {
  title: string;
  /** Why the example is there: the question it answers. */
  note: string;
  query: string;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Which agencies ran which employment programmes in 芦淞区 (streets and communities included)?',
    note: '`place` takes a name, alias or id and rolls up PART_OF: a programme held in a street of 芦淞区 answers for 芦淞区.',
    query: `{
  programmeRuns(where: {place: "芦淞区", kind: EMPLOYMENT}) {
    agency { __typename name }
    programme { name kind targets }
    places { name level }
    evidence { sentence story { headline date } }
  }
}`,
  },
  {
    title: 'Who reported on 芦淞区?',
    note: 'Stories that mention 芦淞区 or any place inside it, with their byline credits.',
    query: `{
  stories(where: {place: "芦淞区"}, first: 5) {
    totalCount
    edges { node { headline date credits { role person { name } } } }
  }
}`,
  },
  {
    title: 'Which stories mention both 市人社局 and 湖南工业大学?',
    note: '`mentions` takes names, aliases or ids; every one must be named in the story.',
    query: `{
  stories(where: {mentions: ["市人社局", "湖南工业大学"]}) {
    totalCount
    edges { node { headline section } }
  }
}`,
  },
  {
    title: 'How is 谢恩 connected to 株洲市人力资源和社会保障局?',
    note: '`from` and `to` take ids or exact names; the path runs through stories, posts, programmes and places.',
    query: `{
  path(from: "谢恩", to: "株洲市人力资源和社会保障局", maxHops: 6) {
    length
    nodes { label name }
    edges { type from to evidence }
  }
}`,
  },
  {
    title: 'Everything about 董家墩街道',
    note: 'Its parent district, the programmes held there (and in its communities), who runs them, and the sentence that says so.',
    query: `{
  search(text: "董家墩街道", kinds: [PLACE], first: 1) {
    id name aliases
    ... on Place {
      level code
      parent { name }
      ancestors { name }
      programmes(includeSubplaces: true) { name kind runBy { name } }
      people { title person { name } }
    }
    stories(first: 3) { headline }
  }
  programmeRuns(where: {place: "董家墩街道"}) {
    agency { name } programme { name } places { name }
    evidence { sentence story { headline } }
  }
}`,
  },
  {
    title: 'What is 株洲市 named with, and in which stories?',
    note: 'Relationship lists take `first` (default `GRAPHQL_DEFAULT_PAGE_SIZE`) and keep it in Cypher, so a city named by most of an archive costs a page: its newest stories (undated ones last), the entities named with it most often in its newest `GRAPHQL_RELATED_STORIES` stories, and the first of its districts and programmes by name.',
    query: `{
  node(id: "place:4302") {
    name
    stories(first: 3) { headline date }
    related(first: 5) { entity { __typename name } stories }
    ... on Place {
      children(first: 3) { name level }
      programmes(includeSubplaces: true, first: 3) { name }
    }
  }
}`,
  },
  {
    title: 'Search by pinyin',
    note: '`lusong`, `lúsōng` and `Lusong District` all find 芦淞区; Chinese, abbreviations and aliases work too.',
    query: `{
  pinyin: search(text: "lusong", first: 3) { __typename name }
  toned: search(text: "lúsōng", first: 1) { name }
  english: search(text: "Lusong District", first: 1) { name }
  abbreviation: search(text: "市人社局", first: 1) { name aliases }
}`,
  },
  {
    title: 'How many programmes ran in each district of 株洲市 (streets and communities rolled up)?',
    note: '`programmeStats` groups the runs `programmeRuns` answers: a district counts the programmes of its streets and communities (PART_OF), sorted by count; `stories` and `agencies` are the distinct stories and bodies behind each group. Also `groupBy: [SUBDISTRICT | AGENCY | KIND | MONTH]`, several at once, and `where: {agency, kind, from, to}`.',
    query: `{
  programmeStats(where: {place: "株洲市"}, groupBy: [DISTRICT], first: 5) {
    totalCount
    edges { node { key label count stories agencies } }
  }
}`,
  },
  {
    title: 'Which kinds of programme did each body run in 芦淞区?',
    note: 'Two dimensions make a cross product, in the order given; `parts` spells the key out.',
    query: `{
  programmeStats(where: {place: "芦淞区"}, groupBy: [AGENCY, KIND], first: 3) {
    totalCount
    edges { node { label count parts { dimension key label } } }
  }
}`,
  },
  {
    title: 'Which bodies ran the most programmes in 株洲市?',
    note: '`topAgencies` ranks organisations and places acting as bodies by the programmes they ran under the filter.',
    query: `{
  topAgencies(where: {place: "株洲市"}, first: 5) {
    agency { __typename name }
    count
    stories
  }
}`,
  },
  {
    title: 'Graph size',
    note: 'Counts of what the graph holds.',
    query: '{ stats { documents stories people organisations places programmes relationships } }',
  },
];

const START = '<!-- examples:start -->';
const END = '<!-- examples:end -->';

/** Shortens an answer for the README: lists to their first items, long strings to a line. */
export function trimAnswer(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 78)}…` : value;
  if (Array.isArray(value)) {
    const limit = depth === 0 ? 4 : 3;
    const kept = value.slice(0, limit).map((item) => trimAnswer(item, depth + 1));
    return value.length > limit ? [...kept, `… ${value.length - limit} more`] : kept;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, trimAnswer(item, depth + 1)]));
  }
  return value;
}

/** README text with the gallery between the markers (markers appended when absent). */
export function withGallery(readme: string, gallery: string): string {
  const block = `${START}\n${gallery.trim()}\n${END}`;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) return `${readme.slice(0, start)}${block}${readme.slice(end + END.length)}`;
  return `${readme.replace(/\s*$/, '')}\n\n${block}\n`;
}

async function run(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`example query failed: ${JSON.stringify(body.errors)}\n${query}`);
  return body.data;
}

function argument(name: string): string | null {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}

async function main(): Promise<void> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  let url = argument('--url');
  let database: Database | null = null;
  let server: RunningServer | null = null;
  try {
    if (!url) {
      const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
      database = await openDatabase({ config, log });
      await ingestPaths({
        paths: [config.ingest.seedsDir],
        driver: database.driver,
        database: database.database,
        maxFileBytes: config.ingest.maxFileBytes,
        timeoutMs: config.neo4j.transactionTimeoutMs,
      });
      server = await startServer({ api: config.api, driver: database.driver, database: database.database, transactionTimeoutMs: config.neo4j.transactionTimeoutMs });
      url = server.url;
    }
    const sections: string[] = [
      '## Example queries',
      '',
      'Real answers from the seed graph (lists trimmed to their first items), written by `scripts/readme-examples.ts`.',
    ];
    for (const example of EXAMPLES) {
      const answer = trimAnswer(await run(url, example.query));
      sections.push('', `### ${example.title}`, '', example.note, '', '```graphql', example.query, '```', '', '```json', JSON.stringify(answer, null, 2), '```');
      log(`ran: ${example.title}`);
    }
    const readmePath = path.join(ROOT_DIR, 'README.md');
    fs.writeFileSync(readmePath, withGallery(fs.readFileSync(readmePath, 'utf8'), sections.join('\n')), 'utf8');
    log(`wrote ${EXAMPLES.length} examples into README.md`);
  } finally {
    await server?.stop();
    await database?.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`readme-examples failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
