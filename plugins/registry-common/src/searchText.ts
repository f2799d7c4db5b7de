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
