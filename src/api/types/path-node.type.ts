import { Field, ID, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';
import { Story } from './story.type';

@ObjectType({ simpleResolvers: true, description: 'A node on a path: an entity or a story.' })
export class PathNode {
  @Field(() => ID) id!: string;
  @Field({ description: 'Node label: Person, Organisation, Place, Programme or Story.' }) label!: string;
  @Field({ description: 'Name of an entity, headline of a story.' }) name!: string;
  @Field(() => Entity, { nullable: true, description: 'The entity, when the node is one.' }) entity!: Entity | null;
  @Field(() => Story, { nullable: true, description: 'The story, when the node is one.' }) story!: Story | null;
}
