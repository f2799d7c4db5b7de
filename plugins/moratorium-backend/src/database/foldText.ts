/**
 * Folds text for case-insensitive search the same way on every database:
 * NFC (so a letter typed as base + combining mark matches its composed form)
 * and lower case by Russian rules, which also lower Kazakh letters (Қ → қ).
 * SQLite's lower() leaves Cyrillic as it is, so folding happens here.
 */
export function foldText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('ru');
}

/** A LIKE pattern for folded text; `!` escapes the wildcards. */
export function likePattern(text: string): string {
  return `%${foldText(text).replace(/[!%_]/g, c => `!${c}`)}%`;
}
