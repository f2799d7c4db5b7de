import { foldText } from './searchText';
import { isStopWord, stemWord } from './searchStems';

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
      !isStopWord(word) &&
      !/^\p{N}+$/u.test(word)
    ) {
      seen.add(word);
    }
  }
  return [...seen];
}

/**
 * Whether two folded whole words are forms of one word in Russian or
 * Kazakh, which inflect by their endings: their stems (registry-common's
 * `stemWord`, the one stemmer of search) are equal, or one is the other's
 * beginning and both have at least five letters («лицензия» and
 * «лицензирование», «выдача» and «выдачи»).
 *
 * @public
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const x = stemWord(a);
  const y = stemWord(b);
  if (x === y) {
    return true;
  }
  return (
    Math.min([...x].length, [...y].length) >= MIN_WORD &&
    (x.startsWith(y) || y.startsWith(x))
  );
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
