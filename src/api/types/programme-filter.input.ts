import { Field, InputType } from 'type-graphql';
import type { ProgrammeKind } from '../../model';
import { ProgrammeKindEnum } from './enums.type';

@InputType({ description: 'Filters for `programmes`.' })
export class ProgrammeFilter {
  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text.' }) nameContains?: string | null;
  @Field(() => ProgrammeKindEnum, { nullable: true }) kind?: ProgrammeKind | null;
  @Field(() => String, { nullable: true, description: 'Held in this place or anywhere PART_OF it (name, alias or id).' })
  place?: string | null;
  @Field(() => String, { nullable: true, description: 'Run by this organisation or place (name, alias or id).' }) agency?: string | null;
}
