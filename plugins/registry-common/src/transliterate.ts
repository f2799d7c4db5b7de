import { InputError } from '@backstage/errors';

/*
 * Russian and Kazakh Cyrillic to Latin, a passport-style scheme without
 * diacritics (the one the demo data and the national register export use):
 *
 *   а a    б b    в v    г g    д d    е e    ё e    ж zh   з z    и i
 *   й i    к k    л l    м m    н n    о o    п p    р r    с s    т t
 *   у u    ф f    х kh   ц ts   ч ch   ш sh   щ shch ъ -    ы y    ь -
 *   э e    ю yu   я ya
 *   Kazakh: ә a    ғ g    қ k    ң n    ө o    ұ u    ү u    һ h    і i
 *
 * (ъ and ь are dropped.) Kazakh letters map to their base Latin letter, so
 * «Электрондық үкімет» becomes `elektrondyk-ukimet`. Any other letter loses
 * its diacritics (é → e, ї → і → i); apostrophes are dropped because they sit
 * inside words; every other run of characters that are not letters or digits
 * (spaces, quotes, guillemets, punctuation) becomes one dash.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

const APOSTROPHES = /['’ʼ`´]/g;

/** The longest entity name Backstage accepts. */
const MAX_NAME_LENGTH = 63;

function withoutDiacritics(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '');
}

function transliterateChar(char: string): string {
  const base = withoutDiacritics(char);
  return CYRILLIC_TO_LATIN[char] ?? CYRILLIC_TO_LATIN[base] ?? base;
}

/** Whole words up to the length limit; a single longer word is cut. */
function truncateAtWord(slug: string): string {
  if (slug.length <= MAX_NAME_LENGTH) {
    return slug;
  }
  const cut = slug.slice(0, MAX_NAME_LENGTH + 1);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, MAX_NAME_LENGTH);
}

/**
 * Turns a Russian or Kazakh title into a valid Backstage entity name:
 * lowercase `a-z`, digits and single dashes between words, at most 63
 * characters cut at a word boundary. The same title always gives the same
 * name, whatever its Unicode normalisation form.
 *
 * @example
 * toEntityName('Е-лицензирование') // 'e-litsenzirovanie'
 * toEntityName('«Электрондық үкімет»') // 'elektrondyk-ukimet'
 *
 * @throws InputError when the title has no letter or digit that transliterates
 * @public
 */
export function toEntityName(title: string): string {
  const latin = [...title.normalize('NFC').toLowerCase()]
    .map(transliterateChar)
    .join('')
    .replace(APOSTROPHES, '');
  const slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!slug) {
    throw new InputError(
      `Cannot make an entity name from ${JSON.stringify(
        title,
      )}: it has no letters or digits that transliterate to Latin`,
    );
  }
  return truncateAtWord(slug);
}
