import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { badInput } from '../pagination';
import { MAX_PATH_HOPS, readShortestPath, type PathEdgeRow, type PathRow } from '../repositories/path.repository';
import type { StoryRow } from '../repositories/rows';
import { Path } from '../types/path.type';
import { PathEdge } from '../types/path-edge.type';
import { Story } from '../types/story.type';

const DEFAULT_HOPS = 4;

@Resolver(() => PathEdge)
export class PathResolver {
  @Query(() => Path, {
    nullable: true,
    description: `The shortest connection between two entities or stories (ids, or an entity's exact name), over at most maxHops relationships; null when there is none.`,
  })
  async path(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Ctx() ctx: Context,
    @Arg('maxHops', () => Int, { nullable: true, description: `1 to ${MAX_PATH_HOPS}; default ${DEFAULT_HOPS}.` }) maxHops?: number | null,
  ): Promise<PathRow & { length: number } | null> {
    const hops = maxHops ?? DEFAULT_HOPS;
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PATH_HOPS) {
      throw badInput(`maxHops must be from 1 to ${MAX_PATH_HOPS}, got ${hops}`, 'maxHops');
    }
    if (from === to) throw badInput('from and to must name two different nodes', 'to');
    const path = await readShortestPath(ctx.reader, { from, to, maxHops: hops });
    return path ? { ...path, length: path.edges.length } : null;
  }

  @FieldResolver(() => Story, { nullable: true, description: 'The story the relationship was read from.' })
  async story(@Root() edge: PathEdgeRow, @Ctx() ctx: Context): Promise<StoryRow | null> {
    return edge.story ? ctx.loaders.story.load(edge.story) : null;
  }
}
