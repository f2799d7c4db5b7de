import { meaningfulWords, sameWord, sharedWords } from './similarity';
import { searchTerms } from './searchStems';

describe('similarity', () => {
  it('keeps whole meaningful words, without stop words, numbers or short words', () => {
    expect(
      meaningfulWords(
        'Информационная система учёта лицензий и выдачи разрешений 2026 года',
      ),
    ).toEqual(['учета', 'лицензий', 'выдачи', 'разрешений']);
    expect(meaningfulWords('Рұқсаттар беру ақпараттық жүйесі')).toEqual([
      'рұқсаттар',
    ]);
  });

  it('takes inflected forms of one word as the same word', () => {
    expect(sameWord('лицензия', 'лицензирование')).toBe(true);
    expect(sameWord('выдача', 'выдачи')).toBe(true);
    expect(sameWord('рұқсаттар', 'рұқсат')).toBe(true);
    expect(sameWord('салық', 'сауда')).toBe(false);
    expect(sameWord('рұқсаттар', 'рұқсаттарды')).toBe(true);
    expect(sameWord('лицензия', 'лицей')).toBe(false);
    expect(sameWord('транспорт', 'трансляция')).toBe(false);
  });

  it('searches with stems that the forms it accepts contain', () => {
    const stems = searchTerms('Лицензирование и выдача разрешений', 6);
    expect(stems).toEqual(['лиценз', 'разреш', 'выдач']);
    for (const [word, stem] of [
      ['лицензия', 'лиценз'],
      ['разрешения', 'разреш'],
      ['выдачи', 'выдач'],
    ]) {
      expect(word.includes(stem)).toBe(true);
    }
  });

  it('names the whole words a system shares, in its title and in its purpose', () => {
    expect(
      sharedWords('Выдача разрешений на строительство', {
        title: 'Е-лицензирование',
        purpose: 'Выдача лицензий и разрешений в электронной форме',
      }),
    ).toEqual({ inTitle: [], inPurpose: ['выдача', 'разрешений'], score: 2 });
    expect(
      sharedWords('Разрешения на строительство', {
        title: 'Разрешения на строительство объектов',
        purpose: 'Учёт разрешений',
      }),
    ).toEqual({
      inTitle: ['разрешения', 'строительство'],
      inPurpose: [],
      score: 4,
    });
  });
});
