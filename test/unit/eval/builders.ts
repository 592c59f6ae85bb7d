/**
 * Hand-made test values: a GraphBatch builder (no extractor involved) and a gold page builder,
 * plus `oracleBatch`, which turns a gold page into the batch a perfect extractor would return.
 */
import type { EntityRecord, GraphBatch, RelationshipRecord, StoryRecord } from '../../../src/ingest/batch';
import { entityId, storyId } from '../../../src/ingest/ids';
import type { CreditRole, EntityLabel } from '../../../src/model';
import { parseGold, type GoldPage, type GoldStory } from '../../../src/eval/gold';

export interface EntitySpec {
  label: EntityLabel;
  name: string;
  aliases?: string[];
}

/** Builds a GraphBatch edge by edge; entities are created on first use, once per label and name. */
export class BatchBuilder {
  private readonly stories: StoryRecord[] = [];
  private readonly entities = new Map<string, EntityRecord>();
  private readonly relationships: RelationshipRecord[] = [];

  constructor(private readonly source = 'page.txt') {}

  /** Adds a story and returns its id. */
  story(headline: string): string {
    const id = storyId('0000000000000000', this.stories.length);
    this.stories.push({
      id,
      headline,
      kicker: null,
      subtitle: null,
      section: null,
      date: null,
      body: '',
      position: this.stories.length,
    });
    return id;
  }

  entity(spec: EntitySpec): string {
    const id = entityId(spec.label, spec.name);
    const existing = this.entities.get(id);
    const aliases = (spec.aliases ?? []).filter((alias) => alias !== spec.name);
    if (existing !== undefined) {
      for (const alias of aliases) if (!existing.aliases.includes(alias)) existing.aliases.push(alias);
      return id;
    }
    const base = { id, name: spec.name, aliases };
    const record: EntityRecord =
      spec.label === 'Person'
        ? { ...base, label: 'Person' }
        : spec.label === 'Organisation'
          ? { ...base, label: 'Organisation', type: 'OTHER' }
          : spec.label === 'Place'
            ? { ...base, label: 'Place', level: 'OTHER', code: null }
            : { ...base, label: 'Programme', kind: 'OTHER', targets: [] };
    this.entities.set(id, record);
    return id;
  }

  credit(story: string, name: string, role: CreditRole = '记者'): this {
    const person = this.entity({ label: 'Person', name });
    this.relationships.push({ type: 'REPORTED', from: person, to: story, story, role });
    return this;
  }

  mention(story: string, spec: EntitySpec): this {
    const id = this.entity(spec);
    this.relationships.push({ type: 'MENTIONS', from: story, to: id, story, count: 1 });
    return this;
  }

  runs(story: string, agency: EntitySpec, programme: string): this {
    return this.edge({ type: 'RUNS', story, from: agency, to: { label: 'Programme', name: programme } });
  }

  heldIn(story: string, programme: string, place: string): this {
    return this.edge({ type: 'HELD_IN', story, from: { label: 'Programme', name: programme }, to: { label: 'Place', name: place } });
  }

  position(story: string, person: string, body: EntitySpec, title = '主任'): this {
    return this.edge({ type: 'HOLDS_POSITION', story, from: { label: 'Person', name: person }, to: body, title });
  }

  private edge(input: { type: RelationshipRecord['type']; story: string; from: EntitySpec; to: EntitySpec; title?: string }): this {
    this.relationships.push({
      type: input.type,
      from: this.entity(input.from),
      to: this.entity(input.to),
      story: input.story,
      evidence: 'evidence',
      ...(input.title === undefined ? {} : { title: input.title }),
    });
    return this;
  }

  build(): GraphBatch {
    return {
      document: { id: 'doc:0000000000000000', source: this.source },
      stories: [...this.stories],
      entities: [...this.entities.values()],
      relationships: [...this.relationships],
      warnings: [],
    };
  }
}

/** Gold story fields as written in a gold file (optional flags, aliases … may be left out). */
export type StoryJson = { [K in keyof GoldStory]?: unknown };

/** A gold page from story JSON, every list empty unless given, run through the real loader. */
export function goldPage(stories: StoryJson[], document = 'page.txt'): GoldPage {
  return parseGold(
    {
      document,
      stories: stories.map((story, i) => ({ key: `S${i + 1}`, headline: `标题${i + 1}`, ...story })),
    },
    'test gold',
  );
}

/** The batch a perfect extractor would produce for a gold page (optional items included). */
export function oracleBatch(gold: GoldPage): GraphBatch {
  const builder = new BatchBuilder(gold.document);
  for (const story of gold.stories) {
    const id = builder.story(story.headline);
    for (const credit of story.credits) builder.credit(id, credit.name);
    for (const person of story.people) builder.mention(id, { label: 'Person', ...person });
    for (const org of story.organisations) builder.mention(id, { label: 'Organisation', ...org });
    for (const place of story.places) builder.mention(id, { label: 'Place', ...place });
    for (const programme of story.programmes) builder.mention(id, { label: 'Programme', ...programme });
    const isPlace = (name: string): boolean => story.places.some((place) => place.name === name);
    for (const run of story.runs) {
      builder.runs(id, { label: isPlace(run.organisation) ? 'Place' : 'Organisation', name: run.organisation }, run.programme);
    }
    for (const held of story.held_in) builder.heldIn(id, held.programme, held.place);
    for (const position of story.positions) {
      const label = isPlace(position.organisation) ? 'Place' : 'Organisation';
      builder.position(id, position.person, { label, name: position.organisation });
    }
  }
  return builder.build();
}
