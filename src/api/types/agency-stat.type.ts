import { Field, Int, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';

@ObjectType({ simpleResolvers: true, description: 'An agency of `topAgencies`, with what it ran under the filter.' })
export class AgencyStat {
  @Field(() => Entity, { description: 'The organisation, or the place acting as a body.' }) agency!: Entity;
  @Field(() => Int, { description: 'Distinct programmes it ran.' }) count!: number;
  @Field(() => Int, { description: 'Distinct stories that say so.' }) stories!: number;
}
