/**
 * Words every state system's title or purpose carries ("information
 * system", "state", "data"): they say nothing about what it does.
 */
const STOP_WORDS = new Set([
  // ru
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
  'автоматизированная',
  'автоматизации',
  'единая',
  'единой',
  'национальная',
  'национальной',
  'республики',
  'казахстан',
  'казахстана',
  'органов',
  'которые',
  'который',
  'которая',
  'также',
  'через',
  'обеспечения',
  'предназначена',
  'целях',
  // kk
  'ақпараттық',
  'жүйесі',
  'жүйелер',
  'мемлекеттік',
  'деректер',
  'қазақстан',
  'республикасы',
  'ұлттық',
  'бірыңғай',
  // en
  'information',
  'system',
  'systems',
  'state',
  'database',
  'national',
  'platform',
  'which',
  'their',
  'through',
  'kazakhstan',
  'government',
]);

/** Words shorter than this are mostly grammar. */
const MIN_WORD = 5;

/** The prefix kept of a word, so inflected forms match ("лицензирования" → "лицензи"). */
const STEM = 7;

/**
 * The meaningful words of a text to search the register with: long words
 * that are not stop words, the longest first, cut to a stem.
 */
export function searchTerms(text: string, max: number): string[] {
  const words = (text
    .normalize('NFC')
    .toLocaleLowerCase('ru-RU')
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
  const stems = new Set<string>();
  for (const word of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    if (word.length < MIN_WORD || STOP_WORDS.has(word) || /^\d+$/.test(word)) {
      continue;
    }
    stems.add(word.slice(0, STEM));
    if (stems.size >= max) {
      break;
    }
  }
  return [...stems];
}
