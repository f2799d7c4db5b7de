import { titleComparator, titleInLanguage } from './titles';

describe('titleInLanguage', () => {
  const title = {
    ru: 'Портал электронного правительства',
    kk: 'Электрондық үкімет порталы',
    en: 'E-Government Portal',
  };

  it('reads the title in the reader’s language', () => {
    expect(titleInLanguage(title, 'kk')).toBe('Электрондық үкімет порталы');
    expect(titleInLanguage(title, 'en')).toBe('E-Government Portal');
    expect(titleInLanguage(title, 'ru')).toBe(
      'Портал электронного правительства',
    );
  });

  it('falls back to Russian when the language has no text', () => {
    expect(titleInLanguage({ ru: 'Реестр', kk: '' }, 'kk')).toBe('Реестр');
    expect(titleInLanguage({ ru: 'Реестр', kk: 'Тізілім' }, 'en')).toBe(
      'Реестр',
    );
  });

  it('is undefined for a missing or malformed title', () => {
    expect(titleInLanguage(undefined, 'ru')).toBeUndefined();
    expect(titleInLanguage('Реестр' as any, 'ru')).toBeUndefined();
    expect(titleInLanguage({ ru: '  ' }, 'ru')).toBeUndefined();
  });
});

describe('titleComparator', () => {
  it('orders Kazakh letters in the Kazakh alphabet', () => {
    const titles = ['Үкімет', 'Қаржы', 'Ақпарат', 'Әділет', 'Бюджет'];
    expect([...titles].sort(titleComparator('kk'))).toEqual([
      'Ақпарат',
      'Әділет',
      'Бюджет',
      'Қаржы',
      'Үкімет',
    ]);
  });

  it('ignores case and orders numbers by value', () => {
    const titles = ['система 10', 'Система 2', 'акимат'];
    expect([...titles].sort(titleComparator('ru'))).toEqual([
      'акимат',
      'Система 2',
      'система 10',
    ]);
  });
});
