import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import { fullEntity } from './entity-fields';
import { LIST_FIRST, pageSize, pageWindow, toConnection } from '../pagination';
import { readEntityPage } from '../repositories/list.repository';
import type { EntityRow } from '../repositories/rows';
import { ProgrammeConnection } from '../types/connections.type';
import { Entity } from '../types/entity.type';
import { EntitySort } from '../types/enums.type';
import { Place } from '../types/place.type';
import { Programme } from '../types/programme.type';
import { ProgrammeFilter } from '../types/programme-filter.input';

@ArgsType()
class ProgrammesArgs {
  @Field(() => ProgrammeFilter, { nullable: true }) where?: ProgrammeFilter | null;
  @Field(() => EntitySort, { defaultValue: EntitySort.NAME_ASC }) orderBy!: EntitySort;
  @Field(() => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null;
}

@Resolver(() => Programme)
export class ProgrammeResolver {
  @FieldResolver(() => [String], { description: 'Groups it serves, as printed (宝妈, 高校毕业生 …).' })
  async targets(@Root() programme: EntityRow, @Ctx() ctx: Context): Promise<string[]> {
    return (await fullEntity(programme, ctx)).targets ?? [];
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes, filtered and paged.', complexity: listCost })
  async programmes(@Args() args: ProgrammesArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args, ctx.limits);
    const page = await readEntityPage(ctx.reader, { label: 'Programme', where: args.where, sort: args.orderBy, window });
    return toConnection(page, window, (row) => row);
  }

  @FieldResolver(() => [Entity], { description: 'Organisations (or places acting as bodies) that ran it, by name.', complexity: listCost })
  async runBy(@Root() programme: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.runnersOfProgramme.load({ id: programme.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Place], { description: 'Where it was held (HELD_IN), by name.', complexity: listCost })
  async places(@Root() programme: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.placesOfProgramme.load({ id: programme.id, limit: pageSize(first, ctx.limits) });
  }
}
