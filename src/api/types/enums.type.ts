/**
 * GraphQL enums. The values come from src/model.ts, so a kind added to the graph model appears in
 * the API without a second list to keep in step.
 */
import { registerEnumType } from 'type-graphql';
import { ENTITY_LABELS, ORGANISATION_TYPES, PLACE_LEVELS, PROGRAMME_KINDS, type EntityLabel } from '../../model';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const ProgrammeKindEnum = enumObject(PROGRAMME_KINDS);
registerEnumType(ProgrammeKindEnum, { name: 'ProgrammeKind', description: 'What a programme does.' });

export const OrganisationTypeEnum = enumObject(ORGANISATION_TYPES);
registerEnumType(OrganisationTypeEnum, { name: 'OrganisationType', description: 'What kind of body an organisation is.' });

export const PlaceLevelEnum = enumObject(PLACE_LEVELS);
registerEnumType(PlaceLevelEnum, { name: 'PlaceLevel', description: 'Administrative level (or kind) of a place.' });

/** GraphQL spells kinds in capitals (PERSON); the internal value is the node label (Person). */
export const EntityKindEnum = Object.fromEntries(ENTITY_LABELS.map((label) => [label.toUpperCase(), label])) as {
  PERSON: 'Person';
  ORGANISATION: 'Organisation';
  PLACE: 'Place';
  PROGRAMME: 'Programme';
};
registerEnumType(EntityKindEnum, { name: 'EntityKind', description: 'The four kinds of entity (node labels).' });
export type EntityKind = EntityLabel;

export enum EntitySort {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  MENTIONS_DESC = 'MENTIONS_DESC',
}
registerEnumType(EntitySort, {
  name: 'EntitySort',
  description: 'Order of entity lists; ties are broken by id so that pages are stable.',
  valuesConfig: { MENTIONS_DESC: { description: 'Most stories first.' } },
});

export enum StorySort {
  DATE_DESC = 'DATE_DESC',
  DATE_ASC = 'DATE_ASC',
  HEADLINE_ASC = 'HEADLINE_ASC',
}
registerEnumType(StorySort, {
  name: 'StorySort',
  description: 'Order of story lists; stories of one date keep their order on the page.',
});

export enum StatsGroupBy {
  DISTRICT = 'DISTRICT',
  SUBDISTRICT = 'SUBDISTRICT',
  AGENCY = 'AGENCY',
  KIND = 'KIND',
  MONTH = 'MONTH',
}
registerEnumType(StatsGroupBy, {
  name: 'StatsGroupBy',
  description: 'A dimension of `programmeStats`; several make a cross product, in the order given.',
  valuesConfig: {
    DISTRICT: { description: 'The district a programme ran in; a district counts its streets and communities (PART_OF).' },
    SUBDISTRICT: { description: 'The street (街道) or town (镇) a programme ran in, with its communities.' },
    AGENCY: { description: 'The organisation or place that ran it.' },
    KIND: { description: 'The programme kind.' },
    MONTH: { description: 'YYYY-MM of Story.publishedOn of the stories that state it.' },
  },
});
