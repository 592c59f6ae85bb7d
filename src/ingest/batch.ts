/**
 * GraphBatch: the one value that flows from the pure extraction pipeline to the loader.
 *
 * Contract (the loader and the evaluator rely on it):
 * - Ids are stable: the same page text always gives the same batch, and an entity's id depends
 *   only on its label and canonical name (or gazetteer code), never on the page, so the same
 *   body named on two pages is one node. Use the helpers in ./ids.ts to make them.
 * - Every relationship's `from` and `to` name a node in the same batch (document, a story, or an
 *   entity); the loader rejects a batch that breaks this.
 * - Relationships that come from text (REPORTED, MENTIONS, RUNS, HELD_IN, HOLDS_POSITION, and
 *   BASED_IN when the text says it) carry `story` (the story id) and, except REPORTED and
 *   MENTIONS, `evidence` (the sentence, copied from the cleaned body). Knowledge-derived ones
 *   (PART_OF from the gazetteer, CONTAINS) carry no story.
 * - Each entity appears once per batch; a story mentions it through one MENTIONS edge with `count`.
 * - Places the batch refers to bring their PART_OF ancestors with them (as Place entities and
 *   PART_OF edges), so that roll-up queries work without a separate gazetteer load.
 */
import type {
  CreditRole,
  EntityLabel,
  OrganisationType,
  PlaceLevel,
  ProgrammeKind,
  RelationshipType,
} from '../model';

export interface DocumentRecord {
  /** `doc:` + the first 16 hex digits of the SHA-256 of the decoded page text. */
  id: string;
  /** File name (basename) the page came from. */
  source: string;
  /**
   * Path of the file relative to the folder given to ingest (`2023/03-08/01.txt`); the loader
   * adds the absolute real path, which is what identifies the page.
   */
  path?: string;
  /** Publication date `YYYY-MM-DD`: from the path, the printed date line, or `--date`; null when none says. */
  publishedOn?: string | null;
}

export interface StoryRecord {
  /** `story:` + document hash + `:` + position; see ids.ts. */
  id: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  /** Section header printed above the story (就业·创业), or null. */
  section: string | null;
  /**
   * ISO date as far as the text states it: `2022-12-12`, or `--12-12` when only month and day
   * are printed and neither the publication date nor the page places it in a year.
   */
  date: string | null;
  /** The page's publication date `YYYY-MM-DD` (the document's), or null. */
  publishedOn?: string | null;
  body: string;
  /** Order on the page, from 0. */
  position: number;
}

interface EntityBase {
  id: string;
  /** Canonical name: the fullest form printed (or the gazetteer name for places). */
  name: string;
  /** Other surface forms printed for the same thing (abbreviations, OCR variants). Never contains `name`. */
  aliases: string[];
}

export interface PersonRecord extends EntityBase {
  label: 'Person';
}
export interface OrganisationRecord extends EntityBase {
  label: 'Organisation';
  type: OrganisationType;
}
export interface PlaceRecord extends EntityBase {
  label: 'Place';
  level: PlaceLevel;
  /** Administrative division code from the gazetteer, when known. */
  code: string | null;
}
export interface ProgrammeRecord extends EntityBase {
  label: 'Programme';
  kind: ProgrammeKind;
  /** Groups it serves as printed (宝妈, 高校毕业生 …). */
  targets: string[];
}

export type EntityRecord = PersonRecord | OrganisationRecord | PlaceRecord | ProgrammeRecord;

export interface RelationshipRecord {
  type: RelationshipType;
  /** Id of the start node (document, story or entity in this batch). */
  from: string;
  /** Id of the end node. */
  to: string;
  /** Story id for text-derived relationships; absent for CONTAINS and gazetteer PART_OF. */
  story?: string;
  /** The sentence (or clause) of the story body that states it. */
  evidence?: string;
  /** REPORTED: the byline role. */
  role?: CreditRole;
  /** MENTIONS: how often the story names the entity (all surface forms). */
  count?: number;
  /** HOLDS_POSITION: the title printed (董事长, 党委书记 …). */
  title?: string;
}

export interface GraphBatch {
  document: DocumentRecord;
  stories: StoryRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  /** Things a person should know about this page (decoded from GBK, no story found, …). */
  warnings: string[];
}

export type { EntityLabel };
