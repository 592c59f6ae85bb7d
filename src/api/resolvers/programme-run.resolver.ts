import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { dayRange } from '../dates';
import { selectsField } from '../selection';
import { listCost } from '../limits';
import { badInput, pageSize } from '../pagination';
import { readProgrammeRuns, type ProgrammeRunRow } from '../repositories/programme-run.repository';
import { ProgrammeRun } from '../types/programme-run.type';
import { ProgrammeRunFilter } from '../types/programme-run-filter.input';

function reference(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(`where.${argument} must not be empty; leave it out to match every ${argument}`, `where.${argument}`);
  return trimmed;
}

@Resolver(() => ProgrammeRun)
export class ProgrammeRunResolver {
  @Query(() => [ProgrammeRun], {
    description: 'Which agencies ran which programmes where, with the sentences that say so. Ordered by programme, then agency.',
    complexity: listCost,
  })
  async programmeRuns(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('where', () => ProgrammeRunFilter, { nullable: true }) where?: ProgrammeRunFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many runs (default and maximum GRAPHQL_MAX_PAGE_SIZE).' })
    first?: number | null,
  ): Promise<ProgrammeRunRow[]> {
    // No cursor here: the contract returns a list. Without `first` it returns up to the maximum page size.
    const limit = pageSize(first ?? ctx.limits.maxPageSize, ctx.limits);
    const published = dayRange(where?.publishedFrom, where?.publishedTo, { from: 'where.publishedFrom', to: 'where.publishedTo' });
    return readProgrammeRuns(ctx.reader, {
      place: reference(where?.place, 'place'),
      agency: reference(where?.agency, 'agency'),
      kind: where?.kind ?? null,
      publishedFrom: published.from,
      publishedTo: published.to,
      limit,
      withEvidence: selectsField(info, 'evidence'),
    });
  }
}
