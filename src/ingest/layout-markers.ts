/**
 * The layout vocabulary of printed pages (lexicon/layout-markers.json; each key's role is in the
 * file's $comment), checked once at load by the lexicon loader.
 */
import { defineLexicon, literals, text as chars, words } from './lexicon/loader';
import data from './lexicon/layout-markers.json';

export const LAYOUT_MARKERS = defineLexicon('layout-markers.json', data, {
  adMarkers: literals,
  editorPrefixes: words,
  sentenceFinal: chars,
  closingQuotes: chars,
  bullets: chars,
  subtitleDashes: words,
  sectionJoiners: chars,
  continuationEnds: chars,
  continuationStarts: chars,
  pageEditorPrefixes: words,
});
