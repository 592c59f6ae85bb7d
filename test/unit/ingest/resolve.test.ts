import { resolvePage, type DirectoryPlace, type PlaceDirectory } from '../../../src/ingest/resolve';
import type { StoryExtraction } from '../../../src/ingest/extract/types';

const PLACES: DirectoryPlace[] = [
  { code: '43', name: '湖南省', level: 'PROVINCE', parentCode: null },
  { code: '4302', name: '株洲市', level: 'CITY', parentCode: '43' },
  { code: '430203', name: '芦淞区', level: 'DISTRICT', parentCode: '4302' },
];
const directory: PlaceDirectory = {
  byCode: (code) => PLACES.find((p) => p.code === code),
  lookupPlace: (surface) => PLACES.filter((p) => p.name === surface),
};

const empty = (): StoryExtraction => ({ people: [], organisations: [], places: [], programmes: [], relations: [] });

describe('resolvePage', () => {
  it('merges entities across stories, unions aliases and counts mentions per story', () => {
    const s1 = empty();
    s1.organisations.push({ name: '芦淞区人力资源和社会保障局', aliases: ['芦淞区人社局'], type: 'GOVERNMENT', count: 2 });
    s1.places.push({ name: '芦淞区', aliases: ['该区'], level: 'DISTRICT', code: '430203', parent: null, count: 3 });
    const s2 = empty();
    s2.organisations.push({ name: '芦淞区人力资源和社会保障局', aliases: ['区人社局', '芦淞区人力资源和社会保障局'], type: 'GOVERNMENT', count: 1 });
    s2.places.push({ name: '芦淞区', aliases: [], level: 'DISTRICT', code: null, parent: null, count: 1 });

    const { entities, relationships } = resolvePage({
      stories: [
        { storyId: 'story:x:0', extraction: s1, credits: [] },
        { storyId: 'story:x:1', extraction: s2, credits: [] },
      ],
      places: directory,
    });
    const org = entities.find((e) => e.label === 'Organisation');
    expect(org?.aliases).toEqual(['芦淞区人社局', '区人社局']);
    expect(entities.filter((e) => e.name === '芦淞区').map((e) => e.id)).toEqual(['place:430203']);
    const mentions = relationships.filter((r) => r.type === 'MENTIONS').map((r) => [r.from, r.to, r.count]);
    expect(mentions).toContainEqual(['story:x:0', 'place:430203', 3]);
    expect(mentions).toContainEqual(['story:x:1', 'place:430203', 1]);
  });

  it('brings gazetteer ancestors and links printed places to their parent', () => {
    const s = empty();
    s.places.push({ name: '芦淞区', aliases: [], level: 'DISTRICT', code: '430203', parent: null, count: 1 });
    s.places.push({ name: '幸福小区', aliases: [], level: 'ESTATE', code: null, parent: '芦淞区', count: 1 });
    const { entities, relationships } = resolvePage({ stories: [{ storyId: 'story:x:0', extraction: s, credits: [] }], places: directory });
    expect(entities.map((e) => e.id)).toEqual(['place:430203', 'place:4302', 'place:43', 'place:幸福小区']);
    const partOf = relationships.filter((r) => r.type === 'PART_OF').map((r) => [r.from, r.to, r.story]);
    expect(partOf).toEqual([
      ['place:430203', 'place:4302', undefined],
      ['place:4302', 'place:43', undefined],
      ['place:幸福小区', 'place:430203', 'story:x:0'],
    ]);
  });

  it('links a printed place to a parent outside the story only when the gazetteer has one place of that name', () => {
    const twins: DirectoryPlace[] = [
      ...PLACES,
      { code: '430204102', name: '云田镇', level: 'TOWN', parentCode: '430203' },
      { code: '621122106', name: '云田镇', level: 'TOWN', parentCode: null },
    ];
    const places: PlaceDirectory = { byCode: (code) => twins.find((p) => p.code === code), lookupPlace: (surface) => twins.filter((p) => p.name === surface) };
    const s = empty();
    s.places.push({ name: '幸福小区', aliases: [], level: 'ESTATE', code: null, parent: '云田镇', count: 1 });
    s.places.push({ name: '和美小区', aliases: [], level: 'ESTATE', code: null, parent: '芦淞区', count: 1 });
    const { relationships, warnings } = resolvePage({ stories: [{ storyId: 'story:x:0', extraction: s, credits: [] }], places });
    const partOf = relationships.filter((r) => r.type === 'PART_OF' && r.story !== undefined).map((r) => [r.from, r.to]);
    expect(partOf).toEqual([['place:和美小区', 'place:430203']]);
    expect(warnings.some((w) => w.includes('"云田镇"'))).toBe(true);
  });

  it('folds a site printed without its place into the fuller form printed elsewhere on the page', () => {
    const s1 = empty();
    s1.places.push({ name: '芦淞区智造产业园', aliases: [], level: 'PARK', code: null, parent: null, count: 1 });
    const s2 = empty();
    s2.places.push({ name: '智造产业园', aliases: [], level: 'PARK', code: null, parent: null, count: 2 });
    s2.places.push({ name: '产业园', aliases: [], level: 'PARK', code: null, parent: null, count: 1 });
    const { entities } = resolvePage({
      stories: [
        { storyId: 'story:x:0', extraction: s1, credits: [] },
        { storyId: 'story:x:1', extraction: s2, credits: [] },
      ],
      places: directory,
    });
    const parks = entities.filter((e) => e.label === 'Place' && e.level === 'PARK');
    // 产业园 is not folded: what 芦淞区智造产业园 adds to it (芦淞区智造) is no place.
    expect(parks.map((e) => [e.name, e.aliases])).toEqual([
      ['芦淞区智造产业园', ['智造产业园']],
      ['产业园', []],
    ]);
  });

  it('makes byline people Person entities merged with body mentions', () => {
    const s = empty();
    s.people.push({ name: '赵一鸣', aliases: [], count: 1 });
    const { entities, relationships } = resolvePage({
      stories: [{ storyId: 'story:x:0', extraction: s, credits: [{ name: '赵一鸣', role: '全媒体记者' }, { name: '钱多多', role: '通讯员' }] }],
      places: directory,
    });
    expect(entities.map((e) => e.id)).toEqual(['person:赵一鸣', 'person:钱多多']);
    expect(relationships.filter((r) => r.type === 'REPORTED').map((r) => [r.from, r.to, r.role])).toEqual([
      ['person:赵一鸣', 'story:x:0', '全媒体记者'],
      ['person:钱多多', 'story:x:0', '通讯员'],
    ]);
  });

  it('resolves relations to entity ids with story and evidence, and drops dangling ones with a warning', () => {
    const s = empty();
    s.places.push({ name: '芦淞区', aliases: [], level: 'DISTRICT', code: '430203', parent: null, count: 1 });
    s.programmes.push({ name: '轻松就业', aliases: [], kind: 'EMPLOYMENT', targets: [], count: 1 });
    s.relations.push({ type: 'RUNS', from: { label: 'Place', name: '芦淞区' }, to: { label: 'Programme', name: '轻松就业' }, evidence: '该区打造“轻松就业”品牌' });
    s.relations.push({ type: 'HELD_IN', from: { label: 'Programme', name: '轻松就业' }, to: { label: 'Place', name: '不存在' }, evidence: '…' });
    const { relationships, warnings } = resolvePage({ stories: [{ storyId: 'story:x:0', extraction: s, credits: [] }], places: directory });
    expect(relationships.find((r) => r.type === 'RUNS')).toEqual({
      type: 'RUNS',
      from: 'place:430203',
      to: 'programme:轻松就业',
      story: 'story:x:0',
      evidence: '该区打造“轻松就业”品牌',
    });
    expect(relationships.some((r) => r.type === 'HELD_IN')).toBe(false);
    expect(warnings.join(' ')).toMatch(/不存在/u);
  });
});
