/**
 * Search keys stored on entity nodes for the `entity_search` fulltext index: the aliases as one
 * string, and pinyin of name and aliases. Pinyin is written three ways so that `lusong` (prefix
 * of the joined syllables), `lúsōng` (with tones) and `lu song` (syllables) all find 芦淞区.
 */
import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  aliasText: string;
  pinyin: string;
}

const HAN = /\p{Script=Han}/u;

function pinyinForms(text: string): string[] {
  if (!HAN.test(text)) return [];
  const plain = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
  const toned = pinyin(text, { type: 'array', nonZh: 'removed' });
  return [plain.join(''), toned.join(''), plain.join(' ')];
}

export function searchKeys(name: string, aliases: readonly string[]): SearchKeys {
  const forms = new Set<string>();
  for (const text of [name, ...aliases]) for (const form of pinyinForms(text)) forms.add(form.toLowerCase());
  return { aliasText: aliases.join(' '), pinyin: [...forms].join(' ') };
}
