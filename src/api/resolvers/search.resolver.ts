import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import { badInput, pageSize } from '../pagination';
import { searchEntities } from '../repositories/search.repository';
import type { EntityRow } from '../repositories/rows';
import { buildSearchQuery } from '../search-query';
import { Entity } from '../types/entity.type';
import { EntityKindEnum, type EntityKind } from '../types/enums.type';

const MAX_SEARCH_TEXT = 200;

@Resolver()
export class SearchResolver {
  @Query(() => [Entity], {
    description: 'Fulltext search over names and aliases, in Chinese or pinyin (lusong, lúsōng, Lusong District all find 芦淞区); best first.',
    complexity: listCost,
  })
  async search(
    @Arg('text') text: string,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [EntityKindEnum], { nullable: true, description: 'Only these kinds.' }) kinds?: EntityKind[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (default GRAPHQL_DEFAULT_PAGE_SIZE).' }) first?: number | null,
  ): Promise<EntityRow[]> {
    if (text.length > MAX_SEARCH_TEXT) throw badInput(`text must be at most ${MAX_SEARCH_TEXT} characters, got ${text.length}`, 'text');
    const limit = pageSize(first, ctx.limits);
    const query = buildSearchQuery(text);
    if (query.lucene === null || limit === 0) return [];
    return searchEntities(ctx.reader, { lucene: query.lucene, exact: query.exact, kinds: kinds && kinds.length > 0 ? kinds : null, first: limit });
  }
}
