import { ObjectType } from 'type-graphql';
import { Entity } from './entity.type';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A person: reporter, official, worker, resident.' })
export class Person extends Entity {}
