/**
 * Cypher fragments shared by the repositories. They are fixed text with fixed variable names,
 * spliced into constant queries when the modules load, so every query stays one constant string
 * that tests can pin; nothing here ever sees user input.
 */

/** Projects an entity node bound to `v` into an EntityRow map. */
export function entityMap(v: string): string {
  return `${v} { .id, .name, .aliases, .type, .level, .code, .kind, .targets, label: head([l IN labels(${v}) WHERE l <> 'Entity']) }`;
}

/**
 * Projects a story node bound to `v` into a StoryRow map, without the body: bodies are most of a
 * story's bytes and most queries want headlines, so `body` has its own batched loader.
 */
export function storyMap(v: string): string {
  return `${v} { .id, .headline, .kicker, .subtitle, .section, .date, .position, .document }`;
}

/** True when node `v` is the one parameter `p` names: by id, canonical name or an alias. */
export function namedBy(v: string, p: string): string {
  return `(${v}.id = ${p} OR ${v}.name = ${p} OR ${p} IN coalesce(${v}.aliases, []))`;
}

/** Deepest administrative chain we walk (village → town → district → city → province → country, with slack). */
export const MAX_PART_OF_DEPTH = 8;
