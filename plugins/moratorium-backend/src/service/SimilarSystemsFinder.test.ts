import { searchTerms } from './SimilarSystemsFinder';

describe('searchTerms', () => {
  it('keeps the meaningful words, longest first, as stems', () => {
    expect(
      searchTerms(
        'Государственная информационная система «Е-лицензирование» для учёта разрешений и уведомлений',
        6,
      ),
    ).toEqual(['лицензи', 'уведомл', 'разреше', 'учёта']);
  });

  it('drops short words, numbers and stop words, and stops at the limit', () => {
    expect(
      searchTerms('Data system for the 2026 budget planning of hospitals', 2),
    ).toEqual(['hospita', 'plannin']);
    expect(searchTerms('система для базы', 5)).toEqual([]);
  });
});
