import { Field, ObjectType } from 'type-graphql';
import type { PlaceLevel } from '../../model';
import { Entity } from './entity.type';
import { PlaceLevelEnum } from './enums.type';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A place: province, city, district, street, community, estate, park.' })
export class Place extends Entity {
  @Field(() => PlaceLevelEnum, { nullable: true })
  level!: PlaceLevel | null;

  @Field(() => String, { nullable: true, description: 'Administrative division code (e.g. 430203) when known.' })
  code!: string | null;
}
