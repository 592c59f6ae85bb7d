import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'How much the graph holds.' })
export class GraphStats {
  @Field(() => Int) documents!: number;
  @Field(() => Int) stories!: number;
  @Field(() => Int) people!: number;
  @Field(() => Int) organisations!: number;
  @Field(() => Int) places!: number;
  @Field(() => Int) programmes!: number;
  @Field(() => Int, { description: 'All relationships of every type.' }) relationships!: number;
}
