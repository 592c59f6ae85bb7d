/**
 * GraphBatch → predictions in the gold's shape, one record per story, so that the scorer compares
 * like with like and never needs to know how the batch stores relationships.
 *
 * Only text-derived edges count, and each is attributed to the story named by its `story`
 * property: credits from REPORTED, entities from the story's MENTIONS, runs from RUNS, held_in
 * from HELD_IN, positions from HOLDS_POSITION. Edges that break the GraphBatch contract (an end
 * missing from the batch, an end of the wrong label, no story) are dropped with a warning instead
 * of crashing the evaluation: the loader is where the contract is enforced.
 */
import type {
  EntityRecord,
  GraphBatch,
  RelationshipRecord,
  StoryRecord,
} from '../ingest/batch';
import type { EntityLabel } from '../model';

/** An entity as the scorer sees it: its forms (name and aliases) and its label. */
export interface PredictedEntity {
  id: string;
  label: EntityLabel;
  name: string;
  aliases: string[];
}

export interface PredictedCredit {
  person: PredictedEntity;
  role: string | null;
}
export interface PredictedRun {
  /** An Organisation, or a Place acting as a body. */
  organisation: PredictedEntity;
  programme: PredictedEntity;
}
export interface PredictedHeldIn {
  programme: PredictedEntity;
  place: PredictedEntity;
}
export interface PredictedPosition {
  person: PredictedEntity;
  /** An Organisation or a Place. */
  organisation: PredictedEntity;
  title: string | null;
}

export interface PredictedStory {
  id: string;
  headline: string;
  kicker: string | null;
  subtitle: string | null;
  date: string | null;
  credits: PredictedCredit[];
  people: PredictedEntity[];
  organisations: PredictedEntity[];
  places: PredictedEntity[];
  programmes: PredictedEntity[];
  runs: PredictedRun[];
  held_in: PredictedHeldIn[];
  positions: PredictedPosition[];
}

export interface PredictedPage {
  /** The batch's document source (file name). */
  document: string;
  /** In page order. */
  stories: PredictedStory[];
  /** Contract breaches found while reading the batch (dropped edges). */
  warnings: string[];
}

/** Turns one page's GraphBatch into per-story predictions in the gold's shape. */
export function predictPage(batch: GraphBatch): PredictedPage {
  const entities = new Map<string, PredictedEntity>(
    batch.entities.map((entity) => [entity.id, toPredicted(entity)]),
  );
  const stories = new Map<string, PredictedStory>();
  const ordered = [...batch.stories].sort((a, b) => a.position - b.position);
  for (const story of ordered) stories.set(story.id, emptyStory(story));

  const warnings: string[] = [];
  for (const edge of batch.relationships) {
    const problem = attach({ edge, entities, stories });
    if (problem !== null) warnings.push(`${edge.type} ${edge.from} → ${edge.to} dropped: ${problem}`);
  }
  return { document: batch.document.source, stories: [...stories.values()], warnings };
}

function toPredicted(entity: EntityRecord): PredictedEntity {
  return { id: entity.id, label: entity.label, name: entity.name, aliases: [...entity.aliases] };
}

function emptyStory(story: StoryRecord): PredictedStory {
  return {
    id: story.id,
    headline: story.headline,
    kicker: story.kicker,
    subtitle: story.subtitle,
    date: story.date,
    credits: [],
    people: [],
    organisations: [],
    places: [],
    programmes: [],
    runs: [],
    held_in: [],
    positions: [],
  };
}

interface AttachInput {
  edge: RelationshipRecord;
  entities: Map<string, PredictedEntity>;
  stories: Map<string, PredictedStory>;
}

/** Files one edge under its story. Returns why it was dropped, or null when it was used. */
function attach({ edge, entities, stories }: AttachInput): string | null {
  switch (edge.type) {
    case 'REPORTED': {
      const story = stories.get(edge.to);
      const person = entities.get(edge.from);
      if (story === undefined) return 'the story is not in the batch';
      if (person?.label !== 'Person') return 'the start is not a Person of the batch';
      story.credits.push({ person, role: edge.role ?? null });
      return null;
    }
    case 'MENTIONS': {
      const story = stories.get(edge.from);
      const entity = entities.get(edge.to);
      if (story === undefined) return 'the story is not in the batch';
      if (entity === undefined) return 'the entity is not in the batch';
      mentionsList(story, entity.label).push(entity);
      return null;
    }
    case 'RUNS':
      return attachPair({
        edge,
        entities,
        stories,
        from: ['Organisation', 'Place'],
        to: ['Programme'],
        add: (story, ends) => story.runs.push({ organisation: ends.from, programme: ends.to }),
      });
    case 'HELD_IN':
      return attachPair({
        edge,
        entities,
        stories,
        from: ['Programme'],
        to: ['Place'],
        add: (story, ends) => story.held_in.push({ programme: ends.from, place: ends.to }),
      });
    case 'HOLDS_POSITION':
      return attachPair({
        edge,
        entities,
        stories,
        from: ['Person'],
        to: ['Organisation', 'Place'],
        add: (story, ends) =>
          story.positions.push({ person: ends.from, organisation: ends.to, title: edge.title ?? null }),
      });
    default:
      // CONTAINS, BASED_IN, PART_OF are not scored.
      return null;
  }
}

function mentionsList(story: PredictedStory, label: EntityLabel): PredictedEntity[] {
  switch (label) {
    case 'Person':
      return story.people;
    case 'Organisation':
      return story.organisations;
    case 'Place':
      return story.places;
    case 'Programme':
      return story.programmes;
  }
}

interface PairInput extends AttachInput {
  from: EntityLabel[];
  to: EntityLabel[];
  add: (story: PredictedStory, ends: { from: PredictedEntity; to: PredictedEntity }) => void;
}

/** A text-derived entity → entity edge, checked for its story and the labels of its ends. */
function attachPair({ edge, entities, stories, from, to, add }: PairInput): string | null {
  if (edge.story === undefined) return 'no story property';
  const story = stories.get(edge.story);
  if (story === undefined) return `story ${edge.story} is not in the batch`;
  const start = entities.get(edge.from);
  const end = entities.get(edge.to);
  if (start === undefined || !from.includes(start.label)) return `the start is not a ${from.join(' or ')}`;
  if (end === undefined || !to.includes(end.label)) return `the end is not a ${to.join(' or ')}`;
  add(story, { from: start, to: end });
  return null;
}
