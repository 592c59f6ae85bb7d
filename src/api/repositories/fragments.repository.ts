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
  return `${v} { .id, .headline, .kicker, .subtitle, .section, .date, publishedOn: toString(${v}.publishedOn), .position, .document }`;
}

/** True when node `v` is the one parameter `p` names: by id, canonical name or an alias. */
export function namedBy(v: string, p: string): string {
  return `(${v}.id = ${p} OR ${v}.name = ${p} OR ${p} IN coalesce(${v}.aliases, []))`;
}

/** Deepest administrative chain we walk (village → town → district → city → province → country, with slack). */
export const MAX_PART_OF_DEPTH = 8;

/**
 * Binds `v` to every node of `label` that parameter `p` names (id, canonical name or alias),
 * each found by an index: the id constraint, the `entity_name` index, and the `entity_alias_text`
 * text index (aliasText holds the aliases joined by spaces; the exact `IN` check confirms a hit).
 * A CALL subquery, so it starts a query or follows a WITH; yields `v` (distinct).
 */
export function lookUp(v: string, label: 'Entity' | 'Place', p: string): string {
  return `CALL () {
  MATCH (${v}:${label} {id: ${p}}) RETURN ${v}
  UNION MATCH (${v}:Entity {name: ${p}}) WHERE ${v}:${label} RETURN ${v}
  UNION MATCH (${v}:Entity) WHERE ${v}.aliasText CONTAINS ${p} AND ${v}:${label} AND ${p} IN ${v}.aliases RETURN ${v}
}`;
}

/**
 * True when the story `story` (an id) was published in [$publishedFrom, $publishedTo]; both
 * bounds are ISO date strings or null (validated by the resolver). A bound that is given excludes
 * stories without a publication date.
 */
export function publishedWithin(storyIdExpr: string): string {
  return `(($publishedFrom IS NULL AND $publishedTo IS NULL) OR EXISTS {
    MATCH (ps:Story {id: ${storyIdExpr}})
    WHERE ($publishedFrom IS NULL OR ps.publishedOn >= date($publishedFrom))
      AND ($publishedTo IS NULL OR ps.publishedOn <= date($publishedTo))
  })`;
}
