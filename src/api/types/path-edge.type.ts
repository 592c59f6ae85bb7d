import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'A relationship on a path, in its stored direction.' })
export class PathEdge {
  @Field({ description: 'MENTIONS, REPORTED, RUNS, HELD_IN, HOLDS_POSITION, BASED_IN or PART_OF.' }) type!: string;
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => String, { nullable: true, description: 'The sentence that states it, for facts from text.' }) evidence!: string | null;
  @Field(() => String, { nullable: true, description: 'HOLDS_POSITION title or REPORTED role.' }) detail!: string | null;
  /** Story id the edge came from; resolved to `story` through the loader. */
  storyId!: string | null;
}
