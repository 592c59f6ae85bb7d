import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import { fullEntity } from './entity-fields';
import { LIST_FIRST, pageSize, pageWindow, toConnection } from '../pagination';
import { readEntityPage } from '../repositories/list.repository';
import type { EntityRow, PositionRow } from '../repositories/rows';
import { PlaceConnection } from '../types/connections.type';
import { EntitySort } from '../types/enums.type';
import { Organisation } from '../types/organisation.type';
import { Place } from '../types/place.type';
import { PlaceFilter } from '../types/place-filter.input';
import { Position } from '../types/position.type';
import { Programme } from '../types/programme.type';

@ArgsType()
class PlacesArgs {
  @Field(() => PlaceFilter, { nullable: true }) where?: PlaceFilter | null;
  @Field(() => EntitySort, { defaultValue: EntitySort.NAME_ASC }) orderBy!: EntitySort;
  @Field(() => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null;
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Administrative division code (e.g. 430203) when known.' })
  async code(@Root() place: EntityRow, @Ctx() ctx: Context): Promise<string | null> {
    return (await fullEntity(place, ctx)).code ?? null;
  }

  @Query(() => PlaceConnection, { description: 'Places, filtered and paged.', complexity: listCost })
  async places(@Args() args: PlacesArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args, ctx.limits);
    const page = await readEntityPage(ctx.reader, { label: 'Place', where: args.where, sort: args.orderBy, window });
    return toConnection(page, window, (row) => row);
  }

  @FieldResolver(() => Place, { nullable: true, description: 'The place it is directly PART_OF (the gazetteer parent when known).' })
  async parent(@Root() place: EntityRow, @Ctx() ctx: Context): Promise<EntityRow | null> {
    return (await ctx.loaders.parentsOfPlace.load(place.id))[0] ?? null;
  }

  @FieldResolver(() => [Place], { description: 'Places directly PART_OF it, by name.', complexity: listCost })
  async children(@Root() place: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.childrenOfPlace.load({ id: place.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Place], { description: 'Every place it is PART_OF, nearest first (district, city, province …).', complexity: listCost })
  async ancestors(@Root() place: EntityRow, @Ctx() ctx: Context): Promise<EntityRow[]> {
    return ctx.loaders.ancestorsOfPlace.load(place.id);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes HELD_IN it, by name.', complexity: listCost })
  async programmes(
    @Root() place: EntityRow,
    @Ctx() ctx: Context,
    @Arg('includeSubplaces', { defaultValue: false, description: 'Also programmes held anywhere PART_OF it.' }) includeSubplaces: boolean,
    @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null,
  ): Promise<EntityRow[]> {
    const key = { id: place.id, limit: pageSize(first, ctx.limits) };
    return (includeSubplaces ? ctx.loaders.programmesHeldWithin : ctx.loaders.programmesHeldIn).load(key);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes the place itself ran, acting as a body (a district government), by name.', complexity: listCost })
  async runs(@Root() place: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.programmesRunBy.load({ id: place.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations BASED_IN it, by name.', complexity: listCost })
  async organisations(@Root() place: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<EntityRow[]> {
    return ctx.loaders.organisationsBasedIn.load({ id: place.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Position], {
    description: 'People holding posts of the place as a body (区长, 党工委书记 …), by name: one per story stating the post.',
    complexity: listCost,
  })
  async people(@Root() place: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<PositionRow[]> {
    return ctx.loaders.positionsAt.load({ id: place.id, limit: pageSize(first, ctx.limits) });
  }
}
