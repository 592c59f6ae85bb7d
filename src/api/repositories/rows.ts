/**
 * The plain values repositories return: what one Cypher projection yields, already coerced
 * (null lists become empty lists) so that resolvers never see a missing array.
 */
import type { EntityLabel, OrganisationType, PlaceLevel, ProgrammeKind } from '../../model';

/**
 * An entity. Lists and relations read its header only (entityHeader): `aliases`, `code` and
 * `targets` are then undefined, and their field resolvers read them through the entity loader.
 */
export interface EntityRow {
  id: string;
  name: string;
  aliases?: string[];
  /** The entity's own label; GraphQL resolves the Entity interface to the type of this name. */
  label: EntityLabel;
  type?: OrganisationType | null;
  level?: PlaceLevel | null;
  code?: string | null;
  kind?: ProgrammeKind | null;
  targets?: string[];
}

export interface StoryRow {
  id: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  section: string | null;
  date: string | null;
  /** Publication day, YYYY-MM-DD (the Neo4j date as text), or null when not known. */
  publishedOn: string | null;
  /** Absent from list and relationship queries; loaded on demand by the storyBody loader. */
  body?: string;
  position: number;
  /** Id of the Document that contains the story. */
  document: string | null;
}

export interface DocumentRow {
  id: string;
  source: string;
  ingestedAt: string | null;
}

/** A sentence of a story that states a fact; the story is fetched through its loader. */
export interface EvidenceRow {
  storyId: string;
  sentence: string;
  /** The story's header when the query already fetched it; otherwise the story loader fetches it. */
  story?: StoryRow;
}

export interface CreditRow {
  person: EntityRow;
  /** null when the byline printed no role. */
  role: string | null;
  story: StoryRow;
}

export interface PositionRow {
  person: EntityRow;
  at: EntityRow;
  title: string;
  evidence: EvidenceRow | null;
}

export interface RelatedRow {
  entity: EntityRow;
  /** Stories that mention both entities. */
  stories: number;
}

/**
 * An entity as Cypher projects it: entityTuple (id, name, aliases, label, type, level, code, kind,
 * targets) or entityHeader (id, name, label, type, level, kind).
 */
export type EntityTuple = readonly unknown[];

/** Coerces an entity tuple or header from Cypher into an EntityRow. */
export function toEntityRow(raw: EntityTuple): EntityRow {
  if (raw.length === 6) {
    return {
      id: raw[0] as string,
      name: raw[1] as string,
      label: raw[2] as EntityLabel,
      type: (raw[3] as OrganisationType | null) ?? null,
      level: (raw[4] as PlaceLevel | null) ?? null,
      kind: (raw[5] as ProgrammeKind | null) ?? null,
    };
  }
  return {
    id: raw[0] as string,
    name: raw[1] as string,
    aliases: (raw[2] as string[] | null) ?? [],
    label: raw[3] as EntityLabel,
    type: (raw[4] as OrganisationType | null) ?? null,
    level: (raw[5] as PlaceLevel | null) ?? null,
    code: (raw[6] as string | null) ?? null,
    kind: (raw[7] as ProgrammeKind | null) ?? null,
    targets: (raw[8] as string[] | null) ?? [],
  };
}

/** Coerces a raw evidence map, dropping those without a sentence (nothing to show). */
export function toEvidenceRows(raw: ReadonlyArray<{ story: string | null; sentence: string | null; row?: StoryRow | null }>): EvidenceRow[] {
  const seen = new Set<string>();
  const rows: EvidenceRow[] = [];
  for (const item of raw) {
    if (!item.story || !item.sentence) continue;
    const key = `${item.story}\u0000${item.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(item.row ? { storyId: item.story, sentence: item.sentence, story: item.row } : { storyId: item.story, sentence: item.sentence });
  }
  return rows;
}
