import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';
import { Evidence } from './evidence.type';
import { Place } from './place.type';
import { Programme } from './programme.type';

@ObjectType({ description: 'An agency running a programme, where it ran, and the sentences that say so.' })
export class ProgrammeRun {
  @Field(() => Entity, { description: 'An organisation, or a place acting as a body (芦淞区 …).' }) agency!: Entity;
  @Field(() => Programme) programme!: Programme;
  @Field(() => [Place], { description: 'Where it was held (within the filter place, when one is given).' }) places!: Place[];
  @Field(() => [Evidence]) evidence!: Evidence[];
}
