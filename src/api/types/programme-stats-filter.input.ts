import { Field, InputType } from 'type-graphql';
import type { ProgrammeKind } from '../../model';
import { DateScalar } from './date.scalar';
import { ProgrammeKindEnum } from './enums.type';

@InputType({ description: 'Filters for `programmeStats` and `topAgencies`: the runs `programmeRuns` would answer; all given fields must hold.' })
export class ProgrammeStatsFilter {
  @Field(() => String, { nullable: true, description: 'Name, alias or id of a place; includes everything PART_OF it.' })
  place?: string | null;
  @Field(() => String, { nullable: true, description: 'Name, alias or id of the organisation or place that ran it.' })
  agency?: string | null;
  @Field(() => ProgrammeKindEnum, { nullable: true }) kind?: ProgrammeKind | null;
  @Field(() => DateScalar, { nullable: true, description: 'Stated in a story published on or after this day (Story.publishedOn).' })
  from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Stated in a story published on or before this day.' })
  to?: string | null;
}
