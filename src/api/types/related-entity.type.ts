import { Field, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';

@ObjectType({ simpleResolvers: true, description: 'An entity named in the same stories as another, with how many stories they share.' })
export class RelatedEntity {
  @Field(() => Entity) entity!: Entity;
  @Field(() => Int, { description: 'Stories that mention both, among the newest GRAPHQL_RELATED_STORIES stories of the entity asked about.' }) stories!: number;
}
