/**
 * The verbs of the RUNS relation, by role (lexicon/run-verbs.json), and the regexes built from
 * them once. Programmes, relations, headline runs and name spans all read the same lists.
 */
import data from '../lexicon/run-verbs.json';
import { alternation, defineLexicon, words } from '../lexicon/loader';

export const RUN_CUES = defineLexicon('run-verbs.json', data, {
  run: words,
  host: words,
  joint: words,
  locativeBefore: words,
  listHeads: words,
  unnamedSubjects: words,
  thisWords: words,
  supportNouns: words,
});

/** The verbs by which a body runs a programme, longest first so that 深入开展 wins over 开展. */
export const RUN_VERBS: readonly string[] = [...RUN_CUES.run].sort((a, b) => b.length - a.length);
/** Any run verb (global: scan a window for the last one). */
export const RUN_VERB_SOURCE = alternation(RUN_CUES.run);
/** 由A、B联合举办 / 由A主办，B承办: the verb after the listed hosts. */
export const HOST_VERB_SOURCE = alternation(RUN_CUES.host);
/** Words that make the place after them a location, not the actor (在芦淞区举办). */
export const LOCATIVE_BEFORE_RE = new RegExp(`(${alternation(RUN_CUES.locativeBefore)})$`);
/** 联合X / 与X: X co-runs with the subject before. */
export const JOINT_BEFORE_RE = new RegExp(`(${alternation(RUN_CUES.joint)})$`);
/** Generic object nouns that announce a list printed after them. */
export const LIST_HEAD_RE = new RegExp(`(${alternation(RUN_CUES.listHeads)})$`);
/** A clause opened by a subject that names no one (社区还开展了…), after an optional time clause. */
export const UNNAMED_SUBJECT_RE = new RegExp(`^(?:[^，。；\\n]{0,16}，)?(${alternation(RUN_CUES.unnamedSubjects)})`);
/** 此次招聘会由…: the programme noun after a word that points back at one named before. */
export const THIS_NOUN_RE = new RegExp(`^(?:${alternation(RUN_CUES.thisWords)})([\\u4e00-\\u9fff]{2,4}?)(由|，)`);
/** A clause that opens with a joint word and lists co-organisers (…，联合A、B，在Z开展…). */
export const JOINT_OPENS_RE = new RegExp(`^(${alternation(RUN_CUES.joint.filter((w) => w.length > 1))})[^，。；]*$`);
/** After a supporting body: 的指导下, 的大力支持下 (the body supports, the subject after it runs). */
export const SUPPORT_AFTER_RE = new RegExp(`^的?[\\u4e00-\\u9fff]{0,2}?(${alternation(RUN_CUES.supportNouns)})下`);
