import { Field, InputType } from 'type-graphql';
import type { OrganisationType } from '../../model';
import { OrganisationTypeEnum } from './enums.type';

@InputType({ description: 'Filters for `organisations`.' })
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Name or an alias contains this text.' }) nameContains?: string | null;
  @Field(() => OrganisationTypeEnum, { nullable: true }) type?: OrganisationType | null;
  @Field(() => String, { nullable: true, description: 'Based in this place or anywhere PART_OF it (name, alias or id).' })
  place?: string | null;
}
