import { Field, ObjectType } from 'type-graphql';
import type { OrganisationType } from '../../model';
import { Entity } from './entity.type';
import { OrganisationTypeEnum } from './enums.type';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A body: bureau, party committee, union, school, company.' })
export class Organisation extends Entity {
  @Field(() => OrganisationTypeEnum, { nullable: true })
  type!: OrganisationType | null;
}
