import { GraphQLError } from 'graphql';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { EvidenceRow, StoryRow } from '../repositories/rows';
import { Evidence } from '../types/evidence.type';
import { Story } from '../types/story.type';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Story, { description: 'The story the sentence is in.' })
  story(@Root() evidence: EvidenceRow, @Ctx() ctx: Context): StoryRow | Promise<StoryRow> {
    // Most rows arrive with their story (programmeRuns reads it in its one query); answering those
    // synchronously spares graphql-js a promise per evidence item.
    if (evidence.story) return evidence.story;
    return ctx.loaders.story.load(evidence.storyId).then((story) => {
      // The loader replaces a page's stories and their edges together, so this means a broken graph.
      if (!story) throw new GraphQLError(`evidence names story ${evidence.storyId}, which is not in the graph`);
      return story;
    });
  }
}
