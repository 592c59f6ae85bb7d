import { Field, InputType } from 'type-graphql';

@InputType({ description: 'Filters for `people`.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text.' }) nameContains?: string | null;
  @Field(() => String, { nullable: true, description: 'Holds a position at this organisation or place (name, alias or id).' })
  organisation?: string | null;
}
