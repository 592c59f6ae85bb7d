import fs from 'node:fs';
import path from 'node:path';
import { extractPage, validateBatch } from '../../../src/ingest/pipeline';
import type { GraphBatch } from '../../../src/ingest/batch';

const SEEDS = path.resolve(__dirname, '../../../seeds');
// The annotated seed pages are copied into the repository, so a clone with nothing beside it runs this.
const GOLD = path.resolve(__dirname, '../../fixtures/gold/dev');
const seedFiles = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

describe('extractPage on the seed pages', () => {
  it.each(seedFiles)('%s gives a valid, deterministic batch', (file) => {
    const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
    const batch = extractPage({ text, source: file });
    expect(validateBatch(batch)).toEqual([]);
    expect(batch.stories.length).toBeGreaterThan(0);
    expect(extractPage({ text, source: file })).toEqual(batch);
    for (const story of batch.stories) {
      expect(story.headline.length).toBeGreaterThan(0);
      expect(batch.relationships).toContainEqual({ type: 'CONTAINS', from: batch.document.id, to: story.id });
    }
  });

  const goldFiles = fs.readdirSync(GOLD).filter((f) => f.endsWith('.json')).sort();
  it('has annotated pages to compare with', () => {
    expect(goldFiles.length).toBeGreaterThan(0);
  });
  it.each(goldFiles)('%s: one story per annotated story, with its byline credits', (goldFile) => {
    const gold = JSON.parse(fs.readFileSync(path.join(GOLD, goldFile), 'utf8')) as {
      document: string;
      stories: { headline: string; credits: { name: string; optional?: boolean }[] }[];
    };
    const text = fs.readFileSync(path.join(SEEDS, gold.document), 'utf8');
    const batch = extractPage({ text, source: gold.document });
    expect(batch.stories).toHaveLength(gold.stories.length);
    gold.stories.forEach((g, i) => {
      expect(compact(batch.stories[i].headline)).toContain(compact(g.headline));
      const required = g.credits.filter((c) => !c.optional).map((c) => c.name);
      expect(creditNames(batch, batch.stories[i].id)).toEqual(expect.arrayContaining(required));
    });
  });
});

describe('validateBatch', () => {
  it('reports dangling endpoints, duplicate ids and aliases that repeat the name', () => {
    const batch: GraphBatch = {
      document: { id: 'doc:1', source: 'x.txt' },
      stories: [{ id: 'story:1:0', headline: 'h', kicker: null, subtitle: null, section: null, date: null, body: '', position: 0 }],
      entities: [
        { label: 'Person', id: 'person:甲', name: '甲乙', aliases: ['甲乙'] },
        { label: 'Person', id: 'person:甲', name: '甲乙', aliases: [] },
      ],
      relationships: [
        { type: 'CONTAINS', from: 'doc:1', to: 'story:1:0' },
        { type: 'MENTIONS', from: 'story:1:0', to: 'org:nowhere', story: 'story:1:0', count: 1 },
        { type: 'RUNS', from: 'person:甲', to: 'story:1:0', story: 'story:1:0' },
      ],
      warnings: [],
    };
    const problems = validateBatch(batch).join('\n');
    expect(problems).toMatch(/id person:甲 is used by more than one node/u);
    expect(problems).toMatch(/aliases contain the name/u);
    expect(problems).toMatch(/end org:nowhere is not in the batch/u);
    expect(problems).toMatch(/RUNS .*start is a Person/u);
    expect(problems).toMatch(/RUNS .*no evidence/u);
  });
});

function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}

function creditNames(batch: GraphBatch, story: string): string[] {
  const names = new Map(batch.entities.map((e) => [e.id, e.name]));
  return batch.relationships.filter((r) => r.type === 'REPORTED' && r.to === story).map((r) => names.get(r.from) ?? r.from);
}

describe('extractPage: credits printed without a role and the page\'s own outlet', () => {
  const body = '5月1日,县人社局举办技能培训班。湘水日报社记者在现场看到,学员们认真听讲。';
  const organisations = (text: string): string[] =>
    extractPage({ text, source: 'page.txt' }).entities.filter((e) => e.label === 'Organisation').map((e) => e.name);

  it('stores a credit with no printed role without one, and the batch stays valid', () => {
    const batch = extractPage({ text: ['某县举办技能培训班', '', `湘水日报5月2日讯(韩梅 李雷)${body}`].join('\n'), source: 'page.txt' });
    expect(validateBatch(batch)).toEqual([]);
    const reported = batch.relationships.filter((r) => r.type === 'REPORTED');
    expect(reported).toHaveLength(2);
    for (const r of reported) expect(r.role).toBeUndefined();
  });

  it('does not list the outlet named in the byline as an organisation of its own page', () => {
    expect(organisations(['某县举办技能培训班', '', `某县融媒体中心讯 ${body}`].join('\n'))).toContain('湘水日报社');
    expect(organisations(['某县举办技能培训班', '', `湘水日报5月2日讯(记者 韩梅)${body}`].join('\n'))).not.toContain('湘水日报社');
  });
});

describe('extractPage: a source line that names a body, not a medium', () => {
  it('keeps the body among the organisations (only media outlets are the page\'s own)', () => {
    const text = ['某县开展义诊活动', '', '来源:攸县人民政府网站 时间:2024-01-02', '', '1月1日,攸县人民政府组织医生下乡义诊,湘水日报社记者随行采访。'].join('\n');
    const names = extractPage({ text, source: 'page.txt' }).entities.filter((e) => e.label === 'Organisation').map((e) => e.name);
    expect(names).toContain('湘水日报社');
    expect(names).toContain('攸县人民政府');
  });
});
