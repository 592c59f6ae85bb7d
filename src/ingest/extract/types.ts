/**
 * The seam between story segmentation (page → stories) and entity extraction (one story → the
 * entities and relations it states). `extractStory` in ./story.ts takes a StoryContext and returns
 * a StoryExtraction; the pipeline turns that into GraphBatch records, ids and MENTIONS edges.
 * Names here are canonical names (the fullest printed form; gazetteer names for places).
 */
import type { OrganisationType, PlaceLevel, ProgrammeKind } from '../../model';

export interface StoryContext {
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  /** Cleaned body: broken paragraphs re-joined, captions/ads/duplicates removed; paragraphs joined by "\n". */
  body: string;
  /** Names from the byline; they are not body people unless also named in the body. */
  creditNames: string[];
}

export interface FoundPerson {
  name: string;
  aliases: string[];
  /** Times the story names the person (all surface forms). */
  count: number;
}

export interface FoundOrganisation {
  name: string;
  aliases: string[];
  type: OrganisationType;
  count: number;
}

export interface FoundPlace {
  name: string;
  aliases: string[];
  level: PlaceLevel;
  /** Gazetteer code when the place is in the gazetteer (its ancestors come from there). */
  code: string | null;
  /** For places not in the gazetteer (estates, parks, sites): the canonical name of the containing place if the text makes it clear. */
  parent: string | null;
  count: number;
}

export interface FoundProgramme {
  name: string;
  aliases: string[];
  kind: ProgrammeKind;
  targets: string[];
  count: number;
}

/** A reference to an entity found in the same story, by label and canonical name. */
export interface EntityRef {
  label: 'Person' | 'Organisation' | 'Place' | 'Programme';
  name: string;
}

export interface FoundRelation {
  type: 'RUNS' | 'HELD_IN' | 'HOLDS_POSITION' | 'BASED_IN';
  from: EntityRef;
  to: EntityRef;
  /** The shortest sentence or clause of the body that states it, copied exactly. */
  evidence: string;
  /** HOLDS_POSITION only. */
  title?: string;
}

export interface StoryExtraction {
  people: FoundPerson[];
  organisations: FoundOrganisation[];
  places: FoundPlace[];
  programmes: FoundProgramme[];
  /** Every `from`/`to` names an entity in the lists above. */
  relations: FoundRelation[];
  /** The city a bare 市 means in this story (市人社局 → 株洲市…), when the story makes it plain. */
  city?: string | null;
}
