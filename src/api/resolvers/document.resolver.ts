import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { listCost } from '../limits';
import type { DocumentRow, StoryRow } from '../repositories/rows';
import { Document } from '../types/document.type';
import { Story } from '../types/story.type';

@Resolver(() => Document)
export class DocumentResolver {
  @FieldResolver(() => [Story], { description: 'Stories on the page, in printed order.', complexity: listCost })
  async stories(@Root() document: DocumentRow, @Ctx() ctx: Context): Promise<StoryRow[]> {
    return ctx.loaders.storiesOfDocument.load(document.id);
  }
}
