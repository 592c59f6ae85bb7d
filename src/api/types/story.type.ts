import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './date.scalar';

@ObjectType({ simpleResolvers: true, description: 'One story on a page.' })
export class Story {
  @Field(() => ID) id!: string;
  @Field() headline!: string;
  @Field(() => String, { nullable: true, description: 'Line printed above the headline.' }) kicker!: string | null;
  @Field(() => String, { nullable: true, description: 'Line printed below the headline.' }) subtitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Section header printed above the story (就业·创业).' }) section!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date as far as printed: 2022-12-12, or --12-12 without a year.' })
  date!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the paper printed it (its page\'s publication date), YYYY-MM-DD; null when not known.' })
  publishedOn!: string | null;
  /** Resolved by StoryResolver.body (a loader), since rows leave it out. */
  body?: string;
  @Field(() => Int, { description: 'Order on the page, from 0.' }) position!: number;
}
