/**
 * Job titles and roles printed with a person's name (董事长, 党委书记, 副市长 …), longest first so
 * that 党委副书记 wins over 书记 where both fit. Read by people (a title is a cue for a name) and by
 * HOLDS_POSITION (the title a person holds).
 */
import { defineLexicon, words } from '../lexicon/loader';
import data from '../lexicon/titles.json';

const TITLE_LEXICON = defineLexicon('titles.json', data, { titles: words });

export const TITLES: readonly string[] = Object.freeze([...TITLE_LEXICON.titles].sort((a, b) => b.length - a.length));
