import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import { LIST_FIRST, pageSize, pageWindow, toConnection } from '../pagination';
import { readEntityPage } from '../repositories/list.repository';
import type { EntityRow, PositionRow } from '../repositories/rows';
import { OrganisationConnection } from '../types/connections.type';
import { EntitySort } from '../types/enums.type';
import { Organisation } from '../types/organisation.type';
import { OrganisationFilter } from '../types/organisation-filter.input';
import { Place } from '../types/place.type';
import { Position } from '../types/position.type';
import { Programme } from '../types/programme.type';

@ArgsType()
class OrganisationsArgs {
  @Field(() => OrganisationFilter, { nullable: true }) where?: OrganisationFilter | null;
  @Field(() => EntitySort, { defaultValue: EntitySort.NAME_ASC }) orderBy!: EntitySort;
  @Field(() => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null;
}

@Resolver(() => Organisation)
export class OrganisationResolver {

  @Query(() => OrganisationConnection, { description: 'Organisations, filtered and paged.', complexity: listCost })
  async organisations(@Args() args: OrganisationsArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args, ctx.limits);
    const page = await readEntityPage(ctx.reader, { label: 'Organisation', where: args.where, sort: args.orderBy, window });
    return toConnection(page, window, (row) => row);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes it ran (RUNS), by name.', complexity: listCost })
  async programmes(@Root() organisation: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.programmesRunBy.load({ id: organisation.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Place], { description: 'Where it is based (BASED_IN), by name.', complexity: listCost })
  async places(@Root() organisation: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.placesOfOrganisation.load({ id: organisation.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Position], { description: 'People holding posts there, by name: one per story stating the post.', complexity: listCost })
  async people(@Root() organisation: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<PositionRow[]> {
    return ctx.loaders.positionsAt.load({ id: organisation.id, limit: pageSize(first, ctx.limits) });
  }
}
