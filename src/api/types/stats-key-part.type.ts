import { Field, ObjectType } from 'type-graphql';
import { StatsGroupBy } from './enums.type';

@ObjectType({ simpleResolvers: true, description: 'One dimension of a `programmeStats` group key.' })
export class StatsKeyPart {
  @Field(() => StatsGroupBy) dimension!: StatsGroupBy;
  @Field({ description: 'Place or agency id, kind, or YYYY-MM; empty for "(none)" / "(undated)".' }) key!: string;
  @Field({ description: 'Place or agency name, kind, or YYYY-MM.' }) label!: string;
}
