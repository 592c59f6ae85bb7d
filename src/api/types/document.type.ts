import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One ingested page.' })
export class Document {
  @Field(() => ID, { description: 'doc: + a hash of the page text.' }) id!: string;
  @Field({ description: 'The file the page came from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'When the page was first ingested (ISO 8601).' }) ingestedAt!: string | null;
}
