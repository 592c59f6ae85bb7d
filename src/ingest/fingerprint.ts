import { createHash } from 'node:crypto';
import type { GraphBatch } from './batch';

/**
 * A fingerprint of what the extractor made of a page. The same text at the same path with the
 * same fingerprint needs no write at all; the same text with a new fingerprint (the rules changed
 * since) is rewritten, so a re-run after an upgrade still brings the graph up to date.
 */
export function extractionHash(batch: GraphBatch): string {
  const content = JSON.stringify([batch.stories, batch.entities, batch.relationships]);
  return createHash('sha256').update(content).digest('hex').slice(0, 32);
}
