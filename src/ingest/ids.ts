import { createHash } from 'node:crypto';
import type { EntityLabel } from '../model';

/** First 16 hex digits of SHA-256: stable, short, and collision-free at newspaper scale. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export function documentId(text: string): string {
  return `doc:${contentHash(text)}`;
}

export function storyId(documentHash: string, position: number): string {
  return `story:${documentHash}:${position}`;
}

const ENTITY_PREFIX: Record<EntityLabel, string> = {
  Person: 'person',
  Organisation: 'org',
  Place: 'place',
  Programme: 'programme',
};

/**
 * An entity's id from its label and key: the canonical name, or for gazetteer places the
 * division code. Readable on purpose (`place:430203`, `org:株洲市人力资源和社会保障局`) so that
 * ids in GraphQL answers and exports say what they are.
 */
export function entityId(label: EntityLabel, key: string): string {
  return `${ENTITY_PREFIX[label]}:${key.normalize('NFKC').replace(/\s+/g, '')}`;
}
