import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'The sentence in the paper that states a fact, and the story it is in.' })
export class Evidence {
  @Field() sentence!: string;
  /** Resolved to `story` through the story loader (unless the row already holds the story). */
  storyId!: string;
}
