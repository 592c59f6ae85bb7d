/**
 * Per-story extractions → page-level entities and relationships.
 *
 * One entity per label and key (the canonical name, or the gazetteer code for places), with the
 * printed surface forms of every story unioned into its aliases. Byline people are Person
 * entities too, merged with body mentions of the same name. Places bring their administrative
 * ancestors from the gazetteer (Place entities and PART_OF edges without a story, since that is
 * knowledge, not text); a place outside the gazetteer whose parent the text makes clear gets a
 * PART_OF edge attributed to the story that says so.
 */
import type { EntityRecord, RelationshipRecord } from './batch';
import { entityId } from './ids';
import type { Credit } from './extract/credits';
import type { EntityRef, FoundPlace, StoryExtraction } from './extract/types';
import type { PlaceLevel } from '../model';

/** The part of the gazetteer resolution needs; injected so that tests can use a small fake. */
export interface PlaceDirectory {
  byCode(code: string): DirectoryPlace | undefined;
  lookupPlace(surface: string): DirectoryPlace[];
}

export interface DirectoryPlace {
  code: string;
  name: string;
  level: PlaceLevel;
  parentCode: string | null;
}

export interface StoryFindings {
  storyId: string;
  extraction: StoryExtraction;
  credits: Credit[];
}

export interface ResolveInput {
  stories: StoryFindings[];
  places: PlaceDirectory;
  /** The canonical name of a printed organisation name (市人社局 → 株洲市人力资源和社会保障局), or null. */
  organisationName?: (printed: string, city: string | null) => string | null;
}

export interface ResolvedPage {
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  warnings: string[];
}

/** Chains are at most five long (province → … → community); the bound guards against cyclic data. */
const MAX_ANCESTORS = 8;

/** Merges one page's per-story findings into entities and relationships. Pure. */
export function resolvePage({ stories, places, organisationName = () => null }: ResolveInput): ResolvedPage {
  const graph = new PageGraph(places, organisationName);
  const codeByName = placeCodesByName(stories);
  const fuller = fullerPlaceNames(stories, places);
  for (const story of stories) graph.addStory(story, codeByName, fuller);
  return graph.result();
}

/** A place printed with a gazetteer code in one story is the same place when another story prints it without. */
function placeCodesByName(stories: StoryFindings[]): Map<string, string> {
  const codes = new Map<string, string>();
  for (const { extraction } of stories) {
    for (const place of extraction.places) {
      if (place.code === null) continue;
      for (const form of [place.name, ...place.aliases]) if (!codes.has(form)) codes.set(form, place.code);
    }
  }
  return codes;
}

/**
 * 湖南九郎山职教科创城 … 九郎山职教科创城: a site, park or estate printed once with the place it is in
 * and once without is one place, named by the fuller form. Only when what the fuller form adds is
 * itself a known place, so that 二村 never folds into 学堂冲二村.
 */
function fullerPlaceNames(stories: StoryFindings[], places: PlaceDirectory): Map<string, string> {
  const named = new Set<string>();
  for (const { extraction } of stories) for (const place of extraction.places) if (place.code === null) named.add(place.name);
  const fuller = new Map<string, string>();
  for (const short of named) {
    for (const long of named) {
      if (long === short || !long.endsWith(short)) continue;
      const prefix = long.slice(0, long.length - short.length);
      if (places.lookupPlace(prefix).length > 0 && (!fuller.has(short) || long.length > fuller.get(short)!.length)) fuller.set(short, long);
    }
  }
  return fuller;
}

class PageGraph {
  private readonly entities = new Map<string, EntityRecord>();
  private readonly relationships = new Map<string, RelationshipRecord>();
  private readonly warnings: string[] = [];

  constructor(
    private readonly places: PlaceDirectory,
    private readonly organisationName: (printed: string, city: string | null) => string | null,
  ) {}

  addStory({ storyId, extraction, credits }: StoryFindings, codeByName: Map<string, string>, fuller: Map<string, string> = new Map()): void {
    const local = new Map<string, string>(); // `${label}:${name}` → entity id, for this story's relations
    const mentions = new Map<string, number>();
    const mention = (id: string, count: number): void => {
      mentions.set(id, (mentions.get(id) ?? 0) + Math.max(1, count));
    };

    for (const p of extraction.people) {
      const id = this.upsert({ label: 'Person', id: entityId('Person', p.name), name: p.name, aliases: p.aliases });
      local.set(`Person:${p.name}`, id);
      mention(id, p.count);
    }
    for (const o of extraction.organisations) {
      // 市人社局 is 株洲市人力资源和社会保障局: one node per body, the printed form an alias.
      const canonical = this.organisationName(o.name, extraction.city ?? null) ?? o.name;
      const id = this.upsert({
        label: 'Organisation',
        id: entityId('Organisation', canonical),
        name: canonical,
        aliases: canonical === o.name ? o.aliases : [o.name, ...o.aliases],
        type: o.type,
      });
      local.set(`Organisation:${o.name}`, id);
      mention(id, o.count);
    }
    const storyPlaces: { place: FoundPlace; id: string }[] = [];
    for (const p of extraction.places) {
      const longer = p.code === null ? fuller.get(p.name) : undefined;
      const id = this.addPlace(longer ? { ...p, name: longer, aliases: [p.name, ...p.aliases] } : p, codeByName.get(p.name) ?? null);
      local.set(`Place:${p.name}`, id);
      storyPlaces.push({ place: p, id });
      mention(id, p.count);
    }
    for (const p of extraction.programmes) {
      const id = this.upsert({
        label: 'Programme',
        id: entityId('Programme', p.name),
        name: p.name,
        aliases: p.aliases,
        kind: p.kind,
        targets: p.targets,
      });
      local.set(`Programme:${p.name}`, id);
      mention(id, p.count);
    }

    for (const { name, role } of credits) {
      const id = this.upsert({ label: 'Person', id: entityId('Person', name), name, aliases: [] });
      // A credit printed without a role (作者:张三) carries none: the graph states only what the page does.
      this.relate({ type: 'REPORTED', from: id, to: storyId, story: storyId, ...(role === null ? {} : { role }) });
    }
    for (const [id, count] of mentions) this.relate({ type: 'MENTIONS', from: storyId, to: id, story: storyId, count });

    for (const relation of extraction.relations) {
      const from = local.get(refKey(relation.from));
      const to = local.get(refKey(relation.to));
      if (from === undefined || to === undefined) {
        const missing = from === undefined ? relation.from : relation.to;
        this.warnings.push(`${storyId}: ${relation.type} names ${missing.label} "${missing.name}", which the story's extraction does not list; dropped`);
        continue;
      }
      this.relate({
        type: relation.type,
        from,
        to,
        story: storyId,
        evidence: relation.evidence,
        ...(relation.title !== undefined ? { title: relation.title } : {}),
      });
    }

    for (const { place, id } of storyPlaces) {
      if (place.parent === null || this.codeOf(id) !== null) continue;
      const parent = this.findParent({ parent: place.parent, storyPlaces });
      if (parent === null) {
        this.warnings.push(`${storyId}: parent "${place.parent}" of ${place.name} is neither in the story nor one place of the gazetteer; no PART_OF`);
      } else if (parent !== id) {
        this.relate({ type: 'PART_OF', from: id, to: parent, story: storyId });
      }
    }
  }

  result(): ResolvedPage {
    return { entities: [...this.entities.values()], relationships: [...this.relationships.values()], warnings: this.warnings };
  }

  /** A gazetteer place by code (with its ancestors and PART_OF chain), or a printed place by name. */
  private addPlace(place: FoundPlace, fallbackCode: string | null): string {
    const code = place.code ?? fallbackCode;
    const known = code === null ? undefined : this.places.byCode(code);
    if (code === null || known === undefined) {
      if (code !== null) this.warnings.push(`place code ${code} of ${place.name} is not in the gazetteer; kept by name`);
      return this.upsert({ label: 'Place', id: entityId('Place', place.name), name: place.name, aliases: place.aliases, level: place.level, code: null });
    }
    const aliases = place.name === known.name ? place.aliases : [place.name, ...place.aliases];
    const id = this.upsert({ label: 'Place', id: entityId('Place', code), name: known.name, aliases, level: known.level, code });
    this.addAncestors(known);
    return id;
  }

  private addAncestors(place: DirectoryPlace): void {
    let child = place;
    for (let depth = 0; child.parentCode !== null && depth < MAX_ANCESTORS; depth += 1) {
      const parent = this.places.byCode(child.parentCode);
      if (parent === undefined) break;
      const parentId = this.upsert({ label: 'Place', id: entityId('Place', parent.code), name: parent.name, aliases: [], level: parent.level, code: parent.code });
      this.relate({ type: 'PART_OF', from: entityId('Place', child.code), to: parentId });
      child = parent;
    }
  }

  private codeOf(id: string): string | null {
    const entity = this.entities.get(id);
    return entity?.label === 'Place' ? entity.code : null;
  }

  /** The parent's id: a place of the same story (by name or alias), a place already on the page, or the gazetteer's. */
  private findParent({ parent, storyPlaces }: { parent: string; storyPlaces: { place: FoundPlace; id: string }[] }): string | null {
    const inStory = storyPlaces.find(({ place }) => place.name === parent || place.aliases.includes(parent));
    if (inStory !== undefined) return inStory.id;
    for (const entity of this.entities.values()) {
      if (entity.label === 'Place' && (entity.name === parent || entity.aliases.includes(parent))) return entity.id;
    }
    // Only a name the gazetteer gives to one place: a namesake picked by rank (云田镇 is in 株洲 and
    // in Gansu) would put the story's place inside the wrong one.
    const candidates = this.places.lookupPlace(parent);
    if (candidates.length !== 1) return null;
    const known = candidates[0];
    const id = this.upsert({ label: 'Place', id: entityId('Place', known.code), name: known.name, aliases: [], level: known.level, code: known.code });
    this.addAncestors(known);
    return id;
  }

  /** Adds the entity or merges its aliases into the one already there; returns its id. */
  private upsert(entity: EntityRecord): string {
    const existing = this.entities.get(entity.id);
    if (existing === undefined) {
      this.entities.set(entity.id, { ...entity, aliases: cleanAliases(entity.name, entity.aliases) } as EntityRecord);
      return entity.id;
    }
    existing.aliases = cleanAliases(existing.name, [...existing.aliases, ...entity.aliases, entity.name]);
    if (existing.label === 'Programme' && entity.label === 'Programme') {
      existing.targets = [...new Set([...existing.targets, ...entity.targets])];
    }
    return existing.id;
  }

  /** Adds a relationship once; MENTIONS counts of a repeated edge add up. */
  private relate(edge: RelationshipRecord): void {
    const key = [edge.type, edge.from, edge.to, edge.story ?? '', edge.role ?? '', edge.evidence ?? ''].join('|');
    const existing = this.relationships.get(key);
    if (existing === undefined) this.relationships.set(key, edge);
    else if (existing.count !== undefined && edge.count !== undefined) existing.count += edge.count;
  }
}

function refKey(ref: EntityRef): string {
  return `${ref.label}:${ref.name}`;
}

/** Aliases without the name, blanks and repeats, in first-seen order. */
function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set<string>([name]);
  const out: string[] = [];
  for (const alias of aliases) {
    const a = alias.trim();
    if (a.length === 0 || seen.has(a)) continue;
    seen.add(a);
    out.push(a);
  }
  return out;
}
