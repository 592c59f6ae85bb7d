import { Field, Int, ObjectType } from 'type-graphql';
import { StatsKeyPart } from './stats-key-part.type';

@ObjectType({ simpleResolvers: true, description: 'One group of `programmeStats`: the runs sharing a key.' })
export class ProgrammeStatGroup {
  @Field({ description: 'The key parts joined by "|" (place:430203|EMPLOYMENT); stable, for joining and charts.' }) key!: string;
  @Field({ description: 'The key parts\' labels joined by " · " (芦淞区 · EMPLOYMENT).' }) label!: string;
  @Field(() => [StatsKeyPart], { description: 'The key, one part per groupBy dimension, in the order asked.' }) parts!: StatsKeyPart[];
  @Field(() => Int, { description: 'Distinct programmes.' }) count!: number;
  @Field(() => Int, { description: 'Distinct stories that state them.' }) stories!: number;
  @Field(() => Int, { description: 'Distinct organisations or places that ran them.' }) agencies!: number;
}
