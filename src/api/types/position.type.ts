import { Field, ObjectType } from 'type-graphql';
import { Entity } from './entity.type';
import { Evidence } from './evidence.type';
import { Person } from './person.type';

@ObjectType({ simpleResolvers: true, description: 'A post a person holds at an organisation (or at a place acting as a body).' })
export class Position {
  @Field(() => Person) person!: Person;
  @Field(() => Entity, { description: 'The organisation, or the place (a district government acting as a body).' })
  at!: Entity;
  @Field({ description: 'The title printed: 董事长, 党委书记, 局长 …' }) title!: string;
  @Field(() => Evidence, { nullable: true }) evidence!: Evidence | null;
}
