import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';
import { Evidence } from './evidence.type';
import { Place } from './place.type';
import { Programme } from './programme.type';

@ObjectType({ simpleResolvers: true, description: 'An agency running a programme, where it ran, and the sentences that say so.' })
export class ProgrammeRun {
  @Field(() => Entity, { description: 'An organisation, or a place acting as a body (芦淞区 …).' }) agency!: Entity;
  @Field(() => Programme) programme!: Programme;
  @Field(() => [Place], { description: 'Where it was held (within the filter place, when one is given).' }) places!: Place[];
  @Field(() => [Evidence], { description: 'The sentences that say so, each with its story: at most 20 (those stating the run first, then where it was held).' })
  evidence!: Evidence[];
}
