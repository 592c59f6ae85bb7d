/**
 * The outlet that publishes a page (株洲日报 on its own pages, 红网 on a 红网 page) is not a body its
 * stories mention (GUIDELINE). Bylines and source lines name it (credits.ts); this drops it, in
 * any printed form, from a story's organisations and the relations that name it.
 */
import { isOutlet } from './credits';
import type { StoryExtraction } from './types';

/** Whether an organisation's printed form is one of the page's own outlets. */
function ownOutlet(form: string, outlets: readonly string[]): boolean {
  return outlets.some(
    (o) =>
      o === form ||
      // 红网 in 红网时刻新闻; a body that is no medium (某县人民政府 in 某县人民政府网站) stays.
      (isOutlet(form) && o.includes(form)) ||
      // the paper's company (某某日报社) for the paper (某某日报).
      (o.length >= 3 && form.startsWith(o) && form.length === o.length + 1),
  );
}

/** The extraction without the page's own outlets among its organisations and relations. */
export function withoutOutlets(extraction: StoryExtraction, outlets: readonly string[]): StoryExtraction {
  if (outlets.length === 0) return extraction;
  const dropped = new Set(
    extraction.organisations.filter((o) => [o.name, ...o.aliases].some((form) => ownOutlet(form, outlets))).map((o) => o.name),
  );
  if (dropped.size === 0) return extraction;
  const named = (ref: { label: string; name: string }): boolean => ref.label === 'Organisation' && dropped.has(ref.name);
  return {
    ...extraction,
    organisations: extraction.organisations.filter((o) => !dropped.has(o.name)),
    relations: extraction.relations.filter((r) => !named(r.from) && !named(r.to)),
  };
}
