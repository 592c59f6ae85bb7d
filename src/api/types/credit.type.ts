import { Field, ObjectType } from 'type-graphql';
import { Person } from './person.type';
import { Story } from './story.type';

@ObjectType({ simpleResolvers: true, description: 'A byline credit: who reported (or photographed) a story, and as what.' })
export class Credit {
  @Field(() => Person) person!: Person;
  @Field(() => String, { nullable: true, description: '全媒体记者, 记者, 通讯员 or 摄影; null when the byline prints the name without a role (作者:张三).' })
  role!: string | null;
  @Field(() => Story) story!: Story;
}
