import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import { LIST_FIRST, pageSize, pageWindow, toConnection } from '../pagination';
import { readEntityPage } from '../repositories/list.repository';
import type { CreditRow, EntityRow, PositionRow } from '../repositories/rows';
import { PersonConnection } from '../types/connections.type';
import { Credit } from '../types/credit.type';
import { EntitySort } from '../types/enums.type';
import { Person } from '../types/person.type';
import { PersonFilter } from '../types/person-filter.input';
import { Position } from '../types/position.type';

@ArgsType()
class PeopleArgs {
  @Field(() => PersonFilter, { nullable: true }) where?: PersonFilter | null;
  @Field(() => EntitySort, { defaultValue: EntitySort.NAME_ASC }) orderBy!: EntitySort;
  @Field(() => Int, { nullable: true, description: 'Page size, at most GRAPHQL_MAX_PAGE_SIZE.' }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from the previous page.' }) after?: string | null;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, filtered and paged.', complexity: listCost })
  async people(@Args() args: PeopleArgs, @Ctx() ctx: Context) {
    const window = pageWindow(args, ctx.limits);
    const page = await readEntityPage(ctx.reader, { label: 'Person', where: args.where, sort: args.orderBy, window });
    return toConnection(page, window, (row) => row);
  }

  @FieldResolver(() => [Credit], { description: 'Stories this person reported or photographed.', complexity: listCost })
  async credits(@Root() person: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<CreditRow[]> {
    return ctx.loaders.creditsOfPerson.load({ id: person.id, limit: pageSize(first, ctx.limits) });
  }

  @FieldResolver(() => [Position], { description: 'Posts held, with the sentence that says so: one per story stating it.', complexity: listCost })
  async positions(@Root() person: EntityRow, @Ctx() ctx: Context, @Arg('first', () => Int, { nullable: true, description: LIST_FIRST }) first?: number | null): Promise<PositionRow[]> {
    return ctx.loaders.positionsOfPerson.load({ id: person.id, limit: pageSize(first, ctx.limits) });
  }
}

