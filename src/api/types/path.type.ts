import { Field, Int, ObjectType } from 'type-graphql';
import { PathEdge } from './path-edge.type';
import { PathNode } from './path-node.type';

@ObjectType({ simpleResolvers: true, description: 'The shortest connection between two nodes.' })
export class Path {
  @Field(() => Int, { description: 'Number of relationships.' }) length!: number;
  @Field(() => [PathNode], { description: 'From `from` to `to`, in order.' }) nodes!: PathNode[];
  @Field(() => [PathEdge], { description: 'edges[i] joins nodes[i] and nodes[i+1].' }) edges!: PathEdge[];
}
