import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { dayRange } from '../dates';
import { listCost } from '../limits';
import { badInput, pageSize, pageWindow, toConnection } from '../pagination';
import type { ProgrammeRunQuery } from '../repositories/programme-run.repository';
import { readProgrammeStats, type StatsGroupRow } from '../repositories/programme-stats.repository';
import type { EntityRow } from '../repositories/rows';
import { AgencyStat } from '../types/agency-stat.type';
import { ProgrammeStatGroupConnection } from '../types/connections.type';
import { StatsGroupBy } from '../types/enums.type';
import { ProgrammeStatGroup } from '../types/programme-stat-group.type';
import { ProgrammeStatsFilter } from '../types/programme-stats-filter.input';

function reference(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(`${argument} must not be empty; leave it out to match every one`, argument);
  return trimmed;
}

/** The validated filter, in the shape the run queries take (without their limit). */
function runFilter(where: ProgrammeStatsFilter | null | undefined): Omit<ProgrammeRunQuery, 'limit'> {
  const published = dayRange(where?.from, where?.to, { from: 'where.from', to: 'where.to' });
  return {
    place: reference(where?.place, 'where.place'),
    agency: reference(where?.agency, 'where.agency'),
    kind: where?.kind ?? null,
    publishedFrom: published.from,
    publishedTo: published.to,
  };
}

function toGroup(row: StatsGroupRow): ProgrammeStatGroup {
  return {
    key: row.parts.map((part) => part.key).join('|'),
    label: row.parts.length > 0 ? row.parts.map((part) => part.label).join(' · ') : 'all',
    parts: row.parts as ProgrammeStatGroup['parts'],
    count: row.count,
    stories: row.stories,
    agencies: row.agencies,
  };
}

@Resolver()
export class ProgrammeStatsResolver {
  @Query(() => ProgrammeStatGroupConnection, {
    description:
      'How many programmes, where, by whom, of what kind, when: the runs `programmeRuns` answers for the filter, grouped (places rolled up along PART_OF) and sorted by count, largest first.',
    complexity: listCost,
  })
  async programmeStats(
    @Ctx() ctx: Context,
    @Arg('where', () => ProgrammeStatsFilter, { nullable: true }) where?: ProgrammeStatsFilter | null,
    @Arg('groupBy', () => [StatsGroupBy], { defaultValue: [StatsGroupBy.DISTRICT], description: 'Dimensions of the key, in order; [] gives one group of everything.' })
    groupBy: StatsGroupBy[] = [StatsGroupBy.DISTRICT],
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null,
  ) {
    if (new Set(groupBy).size !== groupBy.length) throw badInput(`groupBy names a dimension twice: ${groupBy.join(', ')}`, 'groupBy');
    const window = pageWindow({ first, after }, ctx.limits);
    const page = await readProgrammeStats(ctx.reader, { where: runFilter(where), groupBy, offset: window.offset, limit: window.limit });
    return toConnection(page, window, toGroup);
  }

  @Query(() => [AgencyStat], {
    description: 'The agencies that ran the most programmes matching the filter (programmeStats grouped by AGENCY), most first.',
    complexity: listCost,
  })
  async topAgencies(
    @Ctx() ctx: Context,
    @Arg('where', () => ProgrammeStatsFilter, { nullable: true }) where?: ProgrammeStatsFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many (default GRAPHQL_DEFAULT_PAGE_SIZE, at most GRAPHQL_MAX_PAGE_SIZE).' }) first?: number | null,
  ): Promise<Array<{ agency: EntityRow; count: number; stories: number }>> {
    const limit = pageSize(first, ctx.limits);
    const page = await readProgrammeStats(ctx.reader, { where: runFilter(where), groupBy: [StatsGroupBy.AGENCY], offset: 0, limit });
    const agencies = await ctx.loaders.entity.loadMany(page.items.map((row) => row.parts[0].key));
    return page.items.flatMap((row, index) => {
      const agency = agencies[index];
      return agency && !(agency instanceof Error) ? [{ agency, count: row.count, stories: row.stories }] : [];
    });
  }
}
