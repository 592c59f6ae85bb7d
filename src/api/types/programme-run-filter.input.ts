import { Field, InputType } from 'type-graphql';
import type { ProgrammeKind } from '../../model';
import { DateScalar } from './date.scalar';
import { ProgrammeKindEnum } from './enums.type';

@InputType({ description: 'Filters for `programmeRuns`; all given fields must hold.' })
export class ProgrammeRunFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Name, alias or id of a place; includes everything PART_OF it (董家墩街道 answers 芦淞区).',
  })
  place?: string | null;
  @Field(() => String, { nullable: true, description: 'Name, alias or id of the organisation or place that ran it.' })
  agency?: string | null;
  @Field(() => ProgrammeKindEnum, { nullable: true }) kind?: ProgrammeKind | null;
  @Field(() => DateScalar, { nullable: true, description: 'Stated in a story published on or after this day (Story.publishedOn).' })
  publishedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Stated in a story published on or before this day.' })
  publishedTo?: string | null;
}
