import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { LIST_FIRST, pageSize } from '../pagination';
import type { EntityRow, RelatedRow, StoryRow } from '../repositories/rows';
import { Entity } from '../types/entity.type';
import { RelatedEntity } from '../types/related-entity.type';
import { Story } from '../types/story.type';
import { listCost } from '../limits';
import { fullEntity } from './entity-fields';

/** Fields every entity has (inherited by Person, Organisation, Place, Programme), and node(id). */
@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'Any entity by id (person:…, org:…, place:…, programme:…).' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<EntityRow | null> {
    // The nested lists this selection asks for are read now, in one query, into the loaders.
    await ctx.prefetch.entity(id, info);
    return ctx.loaders.entity.load(id);
  }

  @FieldResolver(() => [String], { description: 'Other printed forms (abbreviations, OCR variants).' })
  async aliases(@Root() entity: EntityRow, @Ctx() ctx: Context): Promise<string[]> {
    return (await fullEntity(entity, ctx)).aliases ?? [];
  }

  @FieldResolver(() => [Story], {
    description: 'Stories that name it, newest first (by printed date; undated stories last, then page order), as `stories(orderBy: DATE_DESC)` orders them.',
    complexity: listCost,
  })
  async stories(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null,
  ): Promise<StoryRow[]> {
    return ctx.loaders.storiesMentioning.load({ id: entity.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [RelatedEntity], {
    description:
      'Entities named in the same stories, most shared stories first (then by name). Counted over its newest GRAPHQL_RELATED_STORIES stories (default 200), so that an entity named across the archive costs that many stories: `stories` counts shared stories among those.',
    complexity: listCost,
  })
  async related(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null,
  ): Promise<RelatedRow[]> {
    return ctx.loaders.related.load({ id: entity.id, limit: pageSize(first, ctx.limits) });
  }
}
