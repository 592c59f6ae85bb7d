import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { pageSize } from '../pagination';
import type { EntityRow, RelatedRow, StoryRow } from '../repositories/rows';
import { Entity } from '../types/entity.type';
import { RelatedEntity } from '../types/related-entity.type';
import { Story } from '../types/story.type';
import { listCost } from '../limits';

/** Fields every entity has (inherited by Person, Organisation, Place, Programme), and node(id). */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'Any entity by id (person:…, org:…, place:…, programme:…).' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
    // The nested lists this selection asks for are read now, in one query, into the loaders.
    await ctx.prefetch.entity(id, info);
    return ctx.loaders.entity.load(id);
  }

  @FieldResolver(() => [Story], { description: 'Stories that name it, newest first.', complexity: listCost })
  async stories(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default GRAPHQL_DEFAULT_PAGE_SIZE).' }) first?: number | null,
  ): Promise<StoryRow[]> {
    const limit = pageSize(first, ctx.limits);
    return (await ctx.loaders.storiesMentioning.load(entity.id)).slice(0, limit);
  }

  @FieldResolver(() => [RelatedEntity], { description: 'Entities named in the same stories, most shared stories first.', complexity: listCost })
  async related(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default GRAPHQL_DEFAULT_PAGE_SIZE).' }) first?: number | null,
  ): Promise<RelatedRow[]> {
    const limit = pageSize(first, ctx.limits);
    return (await ctx.loaders.related.load(entity.id)).slice(0, limit);
  }
}
