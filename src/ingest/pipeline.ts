/**
 * The pure extraction pipeline: decoded page text → GraphBatch.
 *
 *   clean (page.ts) → segment (segment.ts) → per story: date + extractStory → resolve → batch
 *
 * No I/O and no clock: the same text always gives a deep-equal batch (ids from ids.ts, order
 * from the page). `validateBatch` states the GraphBatch contract as checks, for tests and for
 * callers that want to refuse a broken batch before it reaches the loader.
 */
import type { EntityRecord, GraphBatch, RelationshipRecord, StoryRecord } from './batch';
import { contentHash, documentId, storyId } from './ids';
import { cleanPage } from './page';
import { segmentPage } from './segment';
import { pageYear, storyDate } from './extract/dates';
import { publicationDate, type PublicationInput } from './publication-date';
import { extractStory } from './extract/story';
import { withoutOutlets } from './extract/outlets';
import type { StoryExtraction } from './extract/types';
import { resolvePage, type PlaceDirectory, type StoryFindings } from './resolve';
import { byCode, lookupPlace } from './lexicon/gazetteer';
import { canonicalOrganisationName } from './organisation-names';
import { CREDIT_ROLES, RELATIONSHIP_TYPES, type EntityLabel, type RelationshipType } from '../model';

export interface PageInput {
  /** Decoded page text. */
  text: string;
  /** File name the page came from. */
  source: string;
  /** Path relative to the folder given to ingest (Document.path); defaults to `source`. */
  path?: string;
  /** What the caller knows of the publication date (the path's, a given one); see publication-date.ts. */
  publication?: PublicationInput;
}

const GAZETTEER: PlaceDirectory = { byCode, lookupPlace };

const EMPTY_EXTRACTION: StoryExtraction = { people: [], organisations: [], places: [], programmes: [], relations: [] };

/**
 * Page text to GraphBatch: pure and deterministic (same input, same batch; no I/O, no clock:
 * the publication date comes with the input or from the text).
 * A story whose entity extraction throws keeps its story record and credits, with a warning:
 * one odd story must not lose the rest of the page.
 */
export function extractPage(page: PageInput): GraphBatch {
  const hash = contentHash(page.text);
  const publishedOn = publicationDate(page.text, page.publication);
  const document = { id: documentId(page.text), source: page.source, path: page.path ?? page.source, publishedOn };
  const cleaned = cleanPage(page.text);
  const segmented = segmentPage(cleaned);
  const warnings = [...cleaned.warnings, ...segmented.warnings].map((w) => `${page.source}: ${w}`);
  const year = pageYear(page.text);

  const stories: StoryRecord[] = [];
  const findings: StoryFindings[] = [];
  segmented.stories.forEach((story, position) => {
    const id = storyId(hash, position);
    const body = story.paragraphs.join('\n');
    stories.push({
      id,
      headline: story.headline,
      kicker: story.kicker,
      subtitle: story.subtitle,
      section: story.section,
      date: storyDate({ body, year, publishedOn }),
      publishedOn,
      body,
      position,
    });
    let extraction = EMPTY_EXTRACTION;
    try {
      extraction = extractStory({
        headline: story.headline,
        kicker: story.kicker,
        subtitle: story.subtitle,
        // Captions name things too (湖南欧微时尚集团忙碌的生产线); they are read, not stored as body.
        body: [body, ...story.captions].join('\n'),
        creditNames: [...new Set(story.credits.map((c) => c.name))],
      });
      // The page's own outlet, named in its bylines and source lines, is no mention (GUIDELINE).
      extraction = withoutOutlets(extraction, story.outlets);
    } catch (error) {
      warnings.push(`${page.source}: entity extraction failed for story ${position} "${story.headline}": ${(error as Error).message}`);
    }
    findings.push({ storyId: id, extraction, credits: story.credits });
  });

  const resolved = resolvePage({ stories: findings, places: GAZETTEER, organisationName: canonicalOrganisationName });
  const contains: RelationshipRecord[] = stories.map((s) => ({ type: 'CONTAINS', from: document.id, to: s.id }));
  return {
    document,
    stories,
    entities: resolved.entities,
    relationships: [...contains, ...resolved.relationships],
    warnings: [...warnings, ...resolved.warnings.map((w) => `${page.source}: ${w}`)],
  };
}

/** Relationship types whose edges come from a story's text and must name it. */
const FROM_TEXT: ReadonlySet<RelationshipType> = new Set(['REPORTED', 'MENTIONS', 'RUNS', 'HELD_IN', 'HOLDS_POSITION']);
/** Types that must also carry the sentence that states them. */
const NEEDS_EVIDENCE: ReadonlySet<RelationshipType> = new Set(['RUNS', 'HELD_IN', 'HOLDS_POSITION']);

type NodeKind = 'Document' | 'Story' | EntityLabel;
const ENDS: Record<RelationshipType, { from: NodeKind[]; to: NodeKind[] }> = {
  CONTAINS: { from: ['Document'], to: ['Story'] },
  REPORTED: { from: ['Person'], to: ['Story'] },
  MENTIONS: { from: ['Story'], to: ['Person', 'Organisation', 'Place', 'Programme'] },
  RUNS: { from: ['Organisation', 'Place'], to: ['Programme'] },
  HELD_IN: { from: ['Programme'], to: ['Place'] },
  HOLDS_POSITION: { from: ['Person'], to: ['Organisation', 'Place'] },
  BASED_IN: { from: ['Organisation'], to: ['Place'] },
  PART_OF: { from: ['Place'], to: ['Place'] },
};

/**
 * Checks a batch against the GraphBatch contract (batch.ts) and returns one message per
 * breach; an empty list means the loader will accept it. Checked: ids unique across the batch,
 * aliases never repeat the name, every relationship names nodes of the batch with the labels its
 * type allows, text-derived relationships name a story of the batch (and carry evidence where the
 * contract asks), REPORTED has a known role or none, MENTIONS a positive count and appears once per pair.
 */
export function validateBatch(batch: GraphBatch): string[] {
  const problems: string[] = [];
  const kinds = new Map<string, NodeKind>();
  const register = (id: string, kind: NodeKind): void => {
    if (kinds.has(id)) problems.push(`id ${id} is used by more than one node`);
    kinds.set(id, kind);
  };
  register(batch.document.id, 'Document');
  for (const story of batch.stories) register(story.id, 'Story');
  for (const entity of batch.entities) {
    register(entity.id, entity.label);
    problems.push(...entityProblems(entity));
  }

  const positions = new Set<number>();
  for (const story of batch.stories) {
    if (positions.has(story.position)) problems.push(`story position ${story.position} is used twice`);
    positions.add(story.position);
    if (story.headline.trim().length === 0) problems.push(`story ${story.id} has an empty headline`);
  }

  const mentionPairs = new Set<string>();
  batch.relationships.forEach((edge, i) => {
    const where = `relationship #${i} ${edge.type} ${edge.from} → ${edge.to}`;
    if (!(RELATIONSHIP_TYPES as readonly string[]).includes(edge.type)) {
      problems.push(`${where}: unknown type`);
      return;
    }
    const fromKind = kinds.get(edge.from);
    const toKind = kinds.get(edge.to);
    if (fromKind === undefined) problems.push(`${where}: start ${edge.from} is not in the batch`);
    else if (!ENDS[edge.type].from.includes(fromKind)) problems.push(`${where}: start is a ${fromKind}, expected ${ENDS[edge.type].from.join(' or ')}`);
    if (toKind === undefined) problems.push(`${where}: end ${edge.to} is not in the batch`);
    else if (!ENDS[edge.type].to.includes(toKind)) problems.push(`${where}: end is a ${toKind}, expected ${ENDS[edge.type].to.join(' or ')}`);

    if (FROM_TEXT.has(edge.type)) {
      if (edge.story === undefined) problems.push(`${where}: comes from text but names no story`);
      else if (kinds.get(edge.story) !== 'Story') problems.push(`${where}: story ${edge.story} is not in the batch`);
    }
    if (edge.type === 'CONTAINS' && edge.story !== undefined) problems.push(`${where}: CONTAINS must not name a story`);
    if (NEEDS_EVIDENCE.has(edge.type) && !edge.evidence) problems.push(`${where}: has no evidence sentence`);
    // A role is absent when the byline printed none (作者:张三); one that is present must be known.
    if (edge.type === 'REPORTED' && edge.role !== undefined && !(CREDIT_ROLES as readonly string[]).includes(edge.role)) {
      problems.push(`${where}: role ${String(edge.role)} is not one of ${CREDIT_ROLES.join(', ')}`);
    }
    if (edge.type === 'MENTIONS') {
      if (edge.count === undefined || edge.count < 1) problems.push(`${where}: MENTIONS needs a count of at least 1`);
      const pair = `${edge.from}|${edge.to}`;
      if (mentionPairs.has(pair)) problems.push(`${where}: the story mentions this entity through more than one edge`);
      mentionPairs.add(pair);
    }
  });
  return problems;
}

function entityProblems(entity: EntityRecord): string[] {
  const problems: string[] = [];
  if (entity.name.trim().length === 0) problems.push(`${entity.label} ${entity.id} has an empty name`);
  if (entity.aliases.includes(entity.name)) problems.push(`${entity.label} ${entity.id}: aliases contain the name "${entity.name}"`);
  if (new Set(entity.aliases).size !== entity.aliases.length) problems.push(`${entity.label} ${entity.id}: aliases repeat`);
  return problems;
}
