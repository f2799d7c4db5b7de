import { foldText } from './searchText';

/**
 * Words that say nothing about what a system does: every state system is an
 * "information system" holding "data" for a "state body". Russian, Kazakh
 * and English, folded.
 */
const STOP_WORDS = new Set(
  [
    // ru
    'информационная',
    'информационной',
    'информационные',
    'информационных',
    'информационную',
    'система',
    'системы',
    'систем',
    'системе',
    'систему',
    'системой',
    'государственная',
    'государственной',
    'государственных',
    'государственные',
    'государственным',
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
    'органы',
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
    'электронной',
    'электронном',
    'электронная',
    // kk
    'ақпараттық',
    'жүйесі',
    'жүйе',
    'жүйелер',
    'жүйесін',
    'мемлекеттік',
    'деректер',
    'деректерді',
    'қоры',
    'порталы',
    'қазақстан',
    'республикасы',
    'республикасының',
    'ұлттық',
    'бірыңғай',
    'электрондық',
    'арналған',
    'қызметтер',
    'қызметтерді',
    // en
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
  ].map(foldText),
);

/** Words shorter than this are mostly grammar. */
const MIN_WORD = 5;

const fold = (text: string) => foldText(text).replace(/ё/g, 'е');

/**
 * The meaningful whole words of a text, folded (lower case, ё as е), each
 * once, in the order they first appear: words of at least five letters that
 * are not stop words or numbers.
 *
 * @public
 */
export function meaningfulWords(text: string): string[] {
  const words = (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
  const seen = new Set<string>();
  for (const word of words) {
    if (
      [...word].length >= MIN_WORD &&
      !STOP_WORDS.has(word) &&
      !/^\p{N}+$/u.test(word)
    ) {
      seen.add(word);
    }
  }
  return [...seen];
}

function commonPrefix(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) {
    n++;
  }
  return n;
}

/**
 * Whether two folded whole words are forms of one word in Russian or
 * Kazakh, which inflect by their endings: they share their beginning, all of
 * the shorter word but its last two letters, at least five and at most seven
 * letters («лицензия» and «лицензирование», «выдача» and «выдачи»).
 *
 * @public
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const x = [...a];
  const y = [...b];
  const need = Math.max(
    MIN_WORD,
    Math.min(7, Math.min(x.length, y.length) - 2),
  );
  return commonPrefix(x, y) >= need;
}

/**
 * The beginnings to search a register's text with (`LIKE %stem%`), one per
 * meaningful word, the longest words first, at most `max`: short enough that
 * every form {@link sameWord} accepts contains it.
 *
 * @public
 */
export function searchStems(text: string, max: number): string[] {
  const stems = new Set<string>();
  const words = meaningfulWords(text).sort(
    (a, b) => [...b].length - [...a].length,
  );
  for (const word of words) {
    const letters = [...word];
    stems.add(letters.slice(0, letters.length >= 8 ? 6 : MIN_WORD).join(''));
    if (stems.size >= max) {
      break;
    }
  }
  return [...stems];
}

/**
 * Why a system resembles a request: the whole words of the system's title
 * and purpose that are forms of the request's words.
 *
 * @public
 */
export type SharedWords = {
  /** Words of the system's title shared with the request. */
  inTitle: string[];
  /** Words of the system's purpose (not already in its title) shared with the request. */
  inPurpose: string[];
  /** Two points a title word, one a purpose word: more is more alike. */
  score: number;
};

/**
 * The words a candidate system shares with a request's text, by
 * {@link sameWord}, as they are written in the system's title and purpose.
 *
 * @public
 */
export function sharedWords(
  requestText: string,
  candidate: { title: string; purpose: string },
): SharedWords {
  const wanted = meaningfulWords(requestText);
  const matches = (word: string) => wanted.some(w => sameWord(w, word));
  const inTitle = meaningfulWords(candidate.title).filter(matches);
  const inPurpose = meaningfulWords(candidate.purpose)
    .filter(matches)
    .filter(word => !inTitle.some(t => sameWord(t, word)));
  return {
    inTitle,
    inPurpose,
    score: 2 * inTitle.length + inPurpose.length,
  };
}
