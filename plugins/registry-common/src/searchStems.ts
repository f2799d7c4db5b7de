/**
 * Word forms for search in Russian and Kazakh: a light stemmer that strips
 * inflectional and common derivational endings, so that «лицензии»,
 * «лицензирования» and «лицензиялау» all come down to «лиценз». It never
 * adds letters: a stem is always a prefix of the folded word, so a stem
 * found with `LIKE '%stem%'` finds every form of the word.
 *
 * One implementation for the suite: the register's `q` search, the similar
 * systems check and the campaigns' related systems all use it.
 */

import { foldText } from './searchText';

/** A stem is never cut below this many letters. */
const MIN_STEM = 4;

/** Words shorter than this are left out of search terms: mostly grammar. */
const MIN_TERM_WORD = 5;

const RUSSIAN_ENDINGS = [
  // verbal nouns and participles: лицензирование, лицензированию…
  'ированиями',
  'ированием',
  'ирования',
  'ирование',
  'ированию',
  'ировании',
  'ированный',
  'ированная',
  'ированное',
  'ированных',
  'ировать',
  'ованиями',
  'ованием',
  'ования',
  'ование',
  'ованию',
  'овании',
  'ениями',
  'ением',
  'ения',
  'ение',
  'ению',
  'ении',
  'ений',
  'аниями',
  'анием',
  'ания',
  'ание',
  'анию',
  'ании',
  'аний',
  // nouns of -ция/-ство
  'ствами',
  'ством',
  'ства',
  'ство',
  'ству',
  'стве',
  // adjectives
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ых',
  'их',
  'ой',
  'ей',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ую',
  'юю',
  'ый',
  'ий',
  'ая',
  'ое',
  // nouns
  'иями',
  'ями',
  'ами',
  'ией',
  'иях',
  'ях',
  'ах',
  'ям',
  'ам',
  'ом',
  'ем',
  'ов',
  'ев',
  'ия',
  'ии',
  'ию',
  'ья',
  'ье',
  'ьи',
  'ью',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й',
];

const KAZAKH_ENDINGS = [
  // verbal nouns: лицензиялау, тіркеу
  'лау',
  'леу',
  'дау',
  'деу',
  'тау',
  'теу',
  // abstract nouns: басқарушылық
  'лық',
  'лік',
  'дық',
  'дік',
  'тық',
  'тік',
  // plural
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  // cases
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'дан',
  'ден',
  'тан',
  'тен',
  'нан',
  'нен',
  'мен',
  'бен',
  'пен',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'ды',
  'ді',
  'ты',
  'ті',
  'ны',
  'ні',
  // possessive
  'сы',
  'сі',
  'ы',
  'і',
];

/**
 * Kazakh endings that no Russian word ends with in the same way, cut from
 * every Cyrillic word (so that «лицензиялау», without Kazakh letters,
 * still loses «лау»). The short case and possessive endings («та», «ы»)
 * would cut Russian words wrongly («бюджета» → «бюдж»), so they are cut
 * only from words with Kazakh letters.
 */
const KAZAKH_ENDINGS_FOR_ALL = new Set([
  'лау',
  'леу',
  'дау',
  'деу',
  'тау',
  'теу',
  'лық',
  'лік',
  'дық',
  'дік',
  'тық',
  'тік',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
]);

const byLength = (endings: string[]) =>
  [...new Set(endings)].sort((a, b) => b.length - a.length);

/** Endings of words with Kazakh letters, the longest first. */
const KAZAKH_WORD_ENDINGS = byLength([...RUSSIAN_ENDINGS, ...KAZAKH_ENDINGS]);

/** Endings of other Cyrillic words, the longest first. */
const OTHER_WORD_ENDINGS = byLength([
  ...RUSSIAN_ENDINGS,
  ...KAZAKH_ENDINGS.filter(e => KAZAKH_ENDINGS_FOR_ALL.has(e)),
]);

const KAZAKH_LETTERS = /[әғқңөұүһі]/u;

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Words every state system's title or purpose carries ("information
 * system", "state", "data"): they say nothing about what it does.
 */
const STOP_WORDS = new Set([
  'информационная',
  'информационной',
  'информационные',
  'информационных',
  'система',
  'системы',
  'систем',
  'системе',
  'государственная',
  'государственной',
  'государственных',
  'государственные',
  'данных',
  'данные',
  'база',
  'базы',
  'портал',
  'портала',
  'автоматизированная',
  'автоматизация',
  'автоматизации',
  'единая',
  'единой',
  'национальная',
  'национальной',
  'республики',
  'казахстан',
  'казахстана',
  'органов',
  'органа',
  'которые',
  'который',
  'которая',
  'также',
  'через',
  'более',
  'обеспечения',
  'обеспечение',
  'предназначена',
  'предназначен',
  'целях',
  'услуг',
  'услуги',
  'сервис',
  'сервиса',
  'ақпараттық',
  'жүйесі',
  'жүйе',
  'жүйелер',
  'мемлекеттік',
  'деректер',
  'қоры',
  'порталы',
  'қазақстан',
  'республикасы',
  'ұлттық',
  'бірыңғай',
  'information',
  'system',
  'systems',
  'state',
  'data',
  'database',
  'national',
  'portal',
  'service',
  'services',
  'platform',
  'which',
  'their',
  'there',
  'about',
  'through',
  'kazakhstan',
  'government',
  // words the reuse check also ignores (similarity.ts)
  'информационную',
  'систему',
  'системой',
  'государственным',
  'органы',
  'электронной',
  'электронном',
  'электронная',
  'жүйесін',
  'деректерді',
  'республикасының',
  'электрондық',
  'арналған',
  'қызметтер',
  'қызметтерді',
]);

/**
 * Whether a folded word says nothing about what a system does («система»,
 * «деректер», «portal»): the one stop-word list of search and the reuse
 * check.
 *
 * @public
 */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldWord(word));
}

/**
 * A word as search compares it: NFC, lower case (Russian rules), the way
 * the register folds its stored text (`foldText`).
 *
 * @public
 */
export function foldWord(word: string): string {
  return foldText(word);
}

/**
 * The stem of one word: Cyrillic words lose their Russian and Kazakh
 * endings, one after another, while at least four letters remain; other
 * words are only folded. Always a prefix of `foldWord(word)`.
 *
 * @public
 */
export function stemWord(word: string): string {
  let stem = foldWord(word);
  if (!CYRILLIC.test(stem)) {
    return stem;
  }
  const endings = KAZAKH_LETTERS.test(stem)
    ? KAZAKH_WORD_ENDINGS
    : OTHER_WORD_ENDINGS;
  for (;;) {
    const ending = longestEnding(stem, endings);
    if (!ending) {
      return stem;
    }
    stem = stem.slice(0, stem.length - ending.length);
  }
}

/** The longest ending a word can lose and keep at least four letters. */
function longestEnding(
  word: string,
  endings: readonly string[],
): string | undefined {
  return endings.find(
    e => word.endsWith(e) && word.length - e.length >= MIN_STEM,
  );
}

/**
 * The words of a text (letters and digits), folded, in order.
 *
 * @public
 */
export function searchWords(text: string): string[] {
  return (foldWord(text).match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/**
 * The distinct stems of a text's words, in order of first appearance.
 *
 * @public
 */
export function searchStems(text: string): string[] {
  return [...new Set(searchWords(text).map(stemWord))];
}

/**
 * The meaningful words of a text to search the register with, as stems:
 * words of at least five letters that are not stop words or numbers, the
 * longest first, at most `max`.
 *
 * @public
 */
export function searchTerms(text: string, max: number): string[] {
  const words = [...new Set(searchWords(text))].sort(
    (a, b) => b.length - a.length,
  );
  const stems = new Set<string>();
  for (const word of words) {
    if (
      word.length < MIN_TERM_WORD ||
      STOP_WORDS.has(word) ||
      /^\d+$/.test(word)
    ) {
      continue;
    }
    if (stems.size >= max) {
      break;
    }
    stems.add(stemWord(word));
  }
  return [...stems];
}
