import type { RegistryTitle } from './types';

/**
 * A register title in the reader's language: that language's text, else the
 * Russian one every record has, else Kazakh. Undefined when the title has no
 * text at all (or is not an object, as in an entity that lacks a registry
 * block).
 *
 * @public
 */
export function titleInLanguage(
  title: Partial<RegistryTitle> | undefined | null,
  language: string,
): string | undefined {
  if (!title || typeof title !== 'object') {
    return undefined;
  }
  const candidates = [
    title[language as keyof RegistryTitle],
    title.ru,
    title.kk,
    title.en,
  ];
  return candidates.find(
    (c): c is string => typeof c === 'string' && c.trim() !== '',
  );
}

/**
 * Compares titles the way a reader of `language` orders them (Kazakh letters
 * such as «Ә», «Қ», «Ү» in their alphabet's places, case and accents ignored
 * first, numbers by value), for sorting lists by their shown titles.
 *
 * @public
 */
export function titleComparator(
  language: string,
): (a: string, b: string) => number {
  const collator = new Intl.Collator(language, {
    numeric: true,
    sensitivity: 'base',
  });
  // Titles equal to the collator (case or accents apart) keep a stable order.
  const exact = new Intl.Collator(language, { numeric: true });
  return (a, b) => collator.compare(a, b) || exact.compare(a, b);
}
