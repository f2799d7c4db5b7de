import fc from 'fast-check';
import { foldWord, searchStems, searchTerms, stemWord } from './searchStems';

const cyrillicWord = fc
  .array(
    fc.constantFrom(
      ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі'.split(''),
      'А',
      'Ә',
      'Ё',
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map(letters => letters.join(''));

describe('stemWord', () => {
  it('is a prefix of the folded word, and stems no further when applied again', () => {
    fc.assert(
      fc.property(cyrillicWord, word => {
        const stem = stemWord(word);
        expect(foldWord(word).startsWith(stem)).toBe(true);
        expect(stemWord(stem)).toBe(stem);
        expect(stem.length).toBeGreaterThanOrEqual(
          Math.min(4, foldWord(word).length),
        );
      }),
    );
  });

  it('does not care about letter case or Unicode normalization', () => {
    fc.assert(
      fc.property(cyrillicWord, word => {
        expect(stemWord(word.toLocaleUpperCase('ru'))).toBe(stemWord(word));
        expect(stemWord(word.normalize('NFD'))).toBe(stemWord(word));
      }),
    );
  });

  it('brings Russian and Kazakh forms of a word to one stem', () => {
    const forms = [
      'лицензии',
      'лицензия',
      'лицензирования',
      'Лицензирование',
      'лицензиялау',
      'лицензиялар',
      'лицензияның',
    ];
    expect(new Set(forms.map(stemWord))).toEqual(new Set(['лиценз']));
    expect(stemWord('налоговой')).toBe(stemWord('налоги'));
    // Kazakh case endings do not cut Russian words.
    expect(stemWord('бюджета')).toBe('бюджет');
    expect(stemWord('жүйелер')).toBe(stemWord('жүйесі'));
    expect(stemWord('уведомления')).toBe('уведомл');
  });

  it('leaves words in other scripts and numbers as they are, folded', () => {
    expect(stemWord('Licensing')).toBe('licensing');
    expect(stemWord('83319')).toBe('83319');
  });
});

describe('searchStems and searchTerms', () => {
  it('cut a text into distinct stems', () => {
    expect(searchStems('Е-лицензирование лицензии')).toEqual(['е', 'лиценз']);
  });

  it('keep meaningful words only, the longest first', () => {
    expect(
      searchTerms(
        'Государственная информационная система лицензирования и уведомлений',
        5,
      ),
    ).toEqual(['лиценз', 'уведомл']);
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 5 }), (text, max) => {
        expect(searchTerms(text, max).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});
