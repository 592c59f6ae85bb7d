import type { GraphBatch } from './batch';
import { contentHash, documentId } from './ids';

export interface PageInput {
  /** Decoded page text. */
  text: string;
  /** File name the page came from. */
  source: string;
}

/**
 * Page text to GraphBatch: pure and deterministic (same text, same batch; no I/O).
 * PLACEHOLDER until the extraction pipeline lands: returns the document and no stories.
 */
export function extractPage(page: PageInput): GraphBatch {
  void contentHash;
  return {
    document: { id: documentId(page.text), source: page.source },
    stories: [],
    entities: [],
    relationships: [],
    warnings: [],
  };
}
