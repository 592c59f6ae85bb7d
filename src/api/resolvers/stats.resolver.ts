import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { readStats } from '../repositories/stats.repository';
import { GraphStats } from '../types/graph-stats.type';

@Resolver()
export class StatsResolver {
  @Query(() => GraphStats, { description: 'Counts of stories, entities and relationships.' })
  async stats(@Ctx() ctx: Context): Promise<GraphStats> {
    return Object.assign(new GraphStats(), await readStats(ctx.reader));
  }
}
