/**
 * The entity fields lists and relations leave out (see entityHeader): a row read by its header
 * has them undefined, and they are read, batched, through the entity loader when a selection
 * asks for them.
 */
import type { Context } from '../context';
import type { EntityRow } from '../repositories/rows';

export async function fullEntity(entity: EntityRow, ctx: Context): Promise<EntityRow> {
  if (entity.aliases !== undefined) return entity;
  return (await ctx.loaders.entity.load(entity.id)) ?? entity;
}
