import { Field, ID, InterfaceType } from 'type-graphql';
import type { EntityRow } from '../repositories/rows';
import { EntityKindEnum, type EntityKind } from './enums.type';

/**
 * The four kinds of named thing. Values are EntityRows; `label` names the concrete GraphQL type
 * (node labels and type names are the same words on purpose).
 */
@InterfaceType('Entity', {
  description: 'A person, organisation, place or programme named in the paper.',
  resolveType: (value: EntityRow) => value.label,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Stable id, equal across re-ingestion (e.g. place:430203).' })
  id!: string;

  @Field({ description: 'Canonical name: the fullest form printed, or the gazetteer name for places.' })
  name!: string;

  @Field(() => [String], { description: 'Other printed forms (abbreviations, OCR variants).' })
  aliases!: string[];

  @Field(() => EntityKindEnum, { description: 'Which of the four kinds this is.' })
  label!: EntityKind;
}
