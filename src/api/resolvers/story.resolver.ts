import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { dayRange } from '../dates';
import { listCost } from '../limits';
import { pageWindow, toConnection } from '../pagination';
import { readStoryPage } from '../repositories/list.repository';
import type { CreditRow, DocumentRow, EntityRow, StoryRow } from '../repositories/rows';
import { StoryConnection } from '../types/connections.type';
import { Credit } from '../types/credit.type';
import { Document } from '../types/document.type';
import { Entity } from '../types/entity.type';
import { EntityKindEnum, StorySort, type EntityKind } from '../types/enums.type';
import { Story } from '../types/story.type';
import { StoryFilter } from '../types/story-filter.input';

@ArgsType()
class StoriesArgs {
  @Field(() => StoryFilter, { nullable: true }) where?: StoryFilter | null;
  @Field(() => StorySort, { defaultValue: StorySort.DATE_DESC }) orderBy!: StorySort;
  @Field(() => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null;
}

@Resolver(() => Story)
export class StoryResolver {
  @Query(() => Story, { nullable: true, description: 'A story by id (story:<page hash>:<position>).' })
  async story(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<StoryRow | null> {
    // The nested lists this selection asks for are read now, in one query, into the loaders.
    await ctx.prefetch.story(id, info);
    return ctx.loaders.story.load(id);
  }

  @Query(() => StoryConnection, { description: 'Stories, filtered and paged; newest first by default.', complexity: listCost })
  async stories(@Args() args: StoriesArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args, ctx.limits);
    const published = dayRange(args.where?.publishedFrom, args.where?.publishedTo, { from: 'where.publishedFrom', to: 'where.publishedTo' });
    const where = args.where ? { ...args.where, publishedFrom: published.from, publishedTo: published.to } : null;
    const page = await readStoryPage(ctx.reader, { where, sort: args.orderBy, window });
    return toConnection(page, window, (row) => row);
  }

  @FieldResolver(() => String, { description: 'The cleaned text of the story.' })
  async body(@Root() story: StoryRow, @Ctx() ctx: Context): Promise<string> {
    return story.body ?? (await ctx.loaders.storyBody.load(story.id)) ?? '';
  }

  @FieldResolver(() => [Credit], { description: 'Byline credits (reporters, correspondents, photographers).', complexity: listCost })
  async credits(@Root() story: StoryRow, @Ctx() ctx: Context): Promise<CreditRow[]> {
    return ctx.loaders.creditsOfStory.load(story.id);
  }

  @FieldResolver(() => [Entity], { description: 'Entities the story names, most often named first.', complexity: listCost })
  async mentions(
    @Root() story: StoryRow,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'Only these kinds.' }) kinds?: EntityKind[] | null,
  ): Promise<EntityRow[]> {
    const entities = await ctx.loaders.mentionsOfStory.load(story.id);
    return kinds && kinds.length > 0 ? entities.filter((entity) => kinds.includes(entity.label)) : entities;
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The page the story is on.' })
  async document(@Root() story: StoryRow, @Ctx() ctx: Context): Promise<DocumentRow | null> {
    return story.document ? ctx.loaders.document.load(story.document) : null;
  }
}
