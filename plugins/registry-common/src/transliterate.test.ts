import { makeValidator } from '@backstage/catalog-model';
import fc from 'fast-check';
import { toEntityName } from './transliterate';
import { demoSystems } from './__testUtils__/demoData';

const BACKSTAGE_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const { isValidEntityName } = makeValidator();

describe('toEntityName', () => {
  it.each([
    ['Е-лицензирование', 'e-litsenzirovanie'],
    ['Портал электронного правительства', 'portal-elektronnogo-pravitelstva'],
    ['Адресная социальная помощь', 'adresnaya-sotsialnaya-pomoshch'],
    ['Цифровая платформа ЖКХ Астаны', 'tsifrovaya-platforma-zhkkh-astany'],
    ['Бюджетное планирование', 'byudzhetnoe-planirovanie'],
    ['Сканер уязвимостей', 'skaner-uyazvimostei'],
    ['Ситуационный центр Алматы', 'situatsionnyi-tsentr-almaty'],
    ['Е-Өтініш', 'e-otinish'],
    ['Система 112', 'sistema-112'],
  ])('names %s as the demo data does: %s', (title, name) => {
    expect(toEntityName(title)).toBe(name);
    expect(demoSystems().map(s => s.metadata.name)).toContain(name);
  });

  it.each([
    // Kazakh letters map to their base Latin letter.
    ['«Электрондық үкімет»', 'elektrondyk-ukimet'],
    ['Әділет, Ғылым, Қоғам', 'adilet-gylym-kogam'],
    ['Өңір Ұлттық Үй Һ', 'onir-ulttyk-ui-h'],
    // Quotes, guillemets and punctuation separate words; dashes collapse.
    [
      'Веб-портал «электронного правительства»',
      'veb-portal-elektronnogo-pravitelstva',
    ],
    ['  ГБД — ФЛ / ЮЛ!!  ', 'gbd-fl-yul'],
    // Apostrophes sit inside words and are dropped; ъ and ь too.
    ["Кот-д'Ивуар: объявления", 'kot-divuar-obyavleniya'],
    ['Учёт нефти', 'uchet-nefti'],
    ['eGov Mobile 2.0', 'egov-mobile-2-0'],
    ['Café Zürich', 'cafe-zurich'],
  ])('transliterates %s to %s', (title, name) => {
    expect(toEntityName(title)).toBe(name);
  });

  it('gives the same name for composed (NFC) and decomposed (NFD) input', () => {
    const title = 'Йошкар-Ола, Ёлка и «Мәдениет құндылықтары»';
    expect(title.normalize('NFD')).not.toBe(title.normalize('NFC'));
    expect(toEntityName(title.normalize('NFD'))).toBe(
      toEntityName(title.normalize('NFC')),
    );
    expect(toEntityName(title)).toBe(
      'ioshkar-ola-elka-i-madeniet-kundylyktary',
    );
  });

  it('cuts a long title at a word boundary within 63 characters', () => {
    const title =
      'Информационная система мониторинга исполнения государственных программ развития регионов';
    const name = toEntityName(title);
    expect(name).toBe('informatsionnaya-sistema-monitoringa-ispolneniya');
    expect(name.length).toBeLessThanOrEqual(63);
    expect(toEntityName('а'.repeat(100))).toBe('a'.repeat(63));
  });

  it.each(['«»', ' - ', 'ъь', '!!!', ''])(
    'refuses %j, which has nothing to transliterate',
    title => {
      expect(() => toEntityName(title)).toThrow(
        /Cannot make an entity name from .*: it has no letters or digits/,
      );
    },
  );

  it('always gives a valid Backstage entity name', () => {
    const cyrillic = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі'];
    const alphabet = fc.constantFrom(
      ...cyrillic,
      ...cyrillic.map(c => c.toUpperCase()),
      ...'abcxyzABCXYZ0123456789',
      ...' -_.,:;!?«»"\'’()/—',
    );
    // At least one letter or digit that survives (ъ and ь do not).
    const letterOrDigit = fc.constantFrom(...'аяқөЁЙzQ7'.split(''));
    const title = fc
      .tuple(
        fc.array(alphabet, { maxLength: 120 }),
        letterOrDigit,
        fc.array(alphabet, { maxLength: 120 }),
      )
      .map(([before, char, after]) => [...before, char, ...after].join(''));
    fc.assert(
      fc.property(title, t => {
        const name = toEntityName(t);
        expect(name).toMatch(BACKSTAGE_NAME);
        expect(name.length).toBeLessThanOrEqual(63);
        expect(isValidEntityName(name)).toBe(true);
        expect(toEntityName(t.normalize('NFD'))).toBe(name);
      }),
      { numRuns: 1000 },
    );
  });
});
