import { Field, InputType } from 'type-graphql';
import { DateScalar } from './date.scalar';

@InputType({ description: 'Filters for `stories`; all given fields must hold.' })
export class StoryFilter {
  @Field(() => String, { nullable: true, description: 'Headline contains this text.' }) headlineContains?: string | null;
  @Field(() => String, { nullable: true, description: 'Headline, kicker, subtitle or body contains this text.' }) textContains?: string | null;
  @Field(() => String, { nullable: true, description: 'Mentions this place (name, alias or id) or any place PART_OF it.' })
  place?: string | null;
  @Field(() => [String], { nullable: true, description: 'Mentions every one of these entities (names, aliases or ids).' })
  mentions?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Credited to this person (name or id).' }) reporter?: string | null;
  @Field(() => String, { nullable: true, description: 'Section header, exactly.' }) section?: string | null;
  @Field(() => String, { nullable: true, description: 'Dated on or after (ISO date, compared as text).' }) dateFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Dated on or before (ISO date, compared as text).' }) dateTo?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day (Story.publishedOn).' }) publishedFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day (Story.publishedOn).' }) publishedTo?: string | null;
}
