// The register's stemmer (registry-common), as the finder uses it.
import { searchTerms } from '@qaztech/plugin-registry-common';

describe('searchTerms', () => {
  it('keeps the meaningful words, longest first, as stems', () => {
    expect(
      searchTerms(
        'Государственная информационная система «Е-лицензирование» для учёта разрешений и уведомлений',
        6,
      ),
    ).toEqual(['лиценз', 'уведомл', 'разреш', 'учёт']);
  });

  it('drops short words, numbers and stop words, and stops at the limit', () => {
    expect(
      searchTerms('Data system for the 2026 budget planning of hospitals', 2),
    ).toEqual(['hospitals', 'planning']);
    expect(searchTerms('система для базы', 5)).toEqual([]);
  });
});
