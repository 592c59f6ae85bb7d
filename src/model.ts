/**
 * The graph model of DESIGN.md as TypeScript values: node labels, relationship types and the
 * enumerations stored on nodes. Every layer (ingest, load, api, export) imports these names from
 * here so that a label is spelled once.
 */

export const ENTITY_LABELS = ['Person', 'Organisation', 'Place', 'Programme'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

export const NODE_LABELS = ['Document', 'Story', ...ENTITY_LABELS] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'CONTAINS',
  'REPORTED',
  'MENTIONS',
  'RUNS',
  'HELD_IN',
  'HOLDS_POSITION',
  'BASED_IN',
  'PART_OF',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Pair edges the loader keeps beside four fact types: one edge of the pair type per pair of
 * nodes that at least one fact edge joins (a fact edge is written once per story stating it, so
 * an archive holds thousands of PART_OF edges between the same two places). Reads that ask only
 * "which agencies, which places" walk these and stay flat as stories repeat a fact; reads that
 * need the stories (evidence, date ranges, counts of stories) walk the fact edges. They are an
 * index, not facts: export, stats and path leave them out.
 */
export const PAIR_EDGE_TYPES = { RUNS: 'RUNS_PAIR', HELD_IN: 'HELD_IN_PAIR', BASED_IN: 'BASED_IN_PAIR', PART_OF: 'PART_OF_PAIR' } as const;
export type PairedType = keyof typeof PAIR_EDGE_TYPES;

export const ORGANISATION_TYPES = [
  'GOVERNMENT',
  'PARTY',
  'MASS_ORG',
  'COMPANY',
  'EDUCATION',
  'MEDIA',
  'ASSOCIATION',
  'COMMUNITY_ORG',
  'OTHER',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const PLACE_LEVELS = [
  'PROVINCE',
  'CITY',
  'DISTRICT',
  'SUBDISTRICT',
  'TOWN',
  'VILLAGE',
  'COMMUNITY',
  'ESTATE',
  'PARK',
  'SITE',
  'COUNTRY',
  'OTHER',
] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export const PROGRAMME_KINDS = [
  'EMPLOYMENT',
  'TRAINING',
  'ENTREPRENEURSHIP',
  'SOCIAL_SERVICE',
  'GOVERNANCE',
  'PUBLIC_HEALTH',
  'EDUCATION',
  'OTHER',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const CREDIT_ROLES = ['全媒体记者', '记者', '通讯员', '摄影'] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];
