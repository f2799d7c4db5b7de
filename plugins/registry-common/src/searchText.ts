/**
 * Folds text for case-insensitive search the same way on every database:
 * NFC (so a letter typed as base + combining mark matches its composed form)
 * and lower case by Russian rules, which also lower Kazakh letters (Қ → қ).
 * SQLite's lower() leaves Cyrillic as it is, so the suite's stores fold text
 * themselves before storing and searching it.
 *
 * @public
 */
export function foldText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('ru');
}

/**
 * A SQL `LIKE` pattern matching folded text that contains `text`; `!` escapes
 * the wildcards, so the query must say `ESCAPE '!'`.
 *
 * @public
 */
export function likePattern(text: string): string {
  return `%${foldText(text).replace(/[!%_]/g, c => `!${c}`)}%`;
}

/**
 * Characters no register text needs and that hide what a person sees: NUL
 * and the other C0/C1 controls except tab and line breaks (PostgreSQL cannot
 * even store NUL), zero-width characters and the bidirectional controls that
 * reorder text on screen (e.g. U+202E right-to-left override).
 */
const UNSAFE_CHARACTER =
  // Matching control characters is the point of this expression.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

const isLatin = (s: string) => /\p{Script=Latin}/u.test(s);
const isCyrillic = (s: string) => /\p{Script=Cyrillic}/u.test(s);

/**
 * The first word that mixes alphabets: letters of both in one word
 * («Кампaния»), or one letter of one alphabet hyphened to words of the other
 * («E-лицензирование» with a Latin E). Abbreviations such as «IT-услуги»
 * are not look-alikes.
 */
function lookAlikeWord(text: string): string | undefined {
  const words = text
    .normalize('NFC')
    .match(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu);
  for (const word of words ?? []) {
    const parts = word.split('-');
    if (parts.some(part => isLatin(part) && isCyrillic(part))) {
      return word;
    }
    const latin = parts.filter(isLatin);
    const cyrillic = parts.filter(isCyrillic);
    if (
      latin.length > 0 &&
      cyrillic.length > 0 &&
      [...latin, ...cyrillic].some(part => [...part].length === 1)
    ) {
      return word;
    }
  }
  return undefined;
}

/**
 * What is wrong with a piece of text a person will read — an unsafe control
 * or invisible character, or, when `isName` (titles and names), a word that
 * mixes Cyrillic and Latin letters, the look-alike trick that makes «Е» and
 * «E» two different systems — or `undefined` when it is fine.
 *
 * @public
 */
export function explainUnsafeText(
  text: string,
  options: { isName?: boolean } = {},
): string | undefined {
  if (text.includes('\uFFFD')) {
    return 'contains U+FFFD, the mark left by bytes that are not UTF-8; send the text in UTF-8';
  }
  const unsafe = text.match(UNSAFE_CHARACTER)?.[0];
  if (unsafe) {
    const code = unsafe.codePointAt(0)!.toString(16).toUpperCase();
    return `contains the invisible or control character U+${code.padStart(
      4,
      '0',
    )} (a zero-width, text-direction or control character); remove it`;
  }
  if (options.isName) {
    const word = lookAlikeWord(text);
    if (word) {
      return `mixes Cyrillic and Latin letters in the word ${JSON.stringify(
        word,
      )}; write it in one alphabet (a Latin letter that looks Cyrillic makes a look-alike of another name)`;
    }
  }
  return undefined;
}

/**
 * The first string in a request's JSON body or query with unsafe text (see
 * {@link explainUnsafeText}; strings under a `title` object count as names),
 * as `path: problem` with the path written `request/body/content/purpose`,
 * or `undefined` when every string is fine.
 *
 * @public
 */
export function findUnsafeText(
  value: unknown,
  path: string,
): string | undefined {
  if (typeof value === 'string') {
    const problem = explainUnsafeText(value, {
      isName: /\/title\/[^/]+$/.test(path),
    });
    return problem ? `${path} ${problem}` : undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const problem =
        findUnsafeText(key, `${path} (a field name)`) ??
        findUnsafeText(child, `${path}/${key}`);
      if (problem) {
        return problem;
      }
    }
  }
  return undefined;
}
