import { Field, ObjectType } from 'type-graphql';
import type { ProgrammeKind } from '../../model';
import { Entity } from './entity.type';
import { ProgrammeKindEnum } from './enums.type';

@ObjectType({ simpleResolvers: true, implements: Entity, description: 'A programme, campaign, fair or service that bodies run in places.' })
export class Programme extends Entity {
  @Field(() => ProgrammeKindEnum, { nullable: true })
  kind!: ProgrammeKind | null;

  @Field(() => [String], { description: 'Groups it serves, as printed (宝妈, 高校毕业生 …).' })
  targets!: string[];
}
