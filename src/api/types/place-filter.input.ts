import { Field, InputType } from 'type-graphql';
import type { PlaceLevel } from '../../model';
import { PlaceLevelEnum } from './enums.type';

@InputType({ description: 'Filters for `places`.' })
export class PlaceFilter {
  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text.' }) nameContains?: string | null;
  @Field(() => PlaceLevelEnum, { nullable: true }) level?: PlaceLevel | null;
  @Field(() => String, { nullable: true, description: 'PART_OF this place, at any depth (name, alias or id).' }) within?: string | null;
}
