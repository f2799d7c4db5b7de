import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import fc from 'fast-check';
import { toEntityName } from './transliterate';

// transliterate.test.ts checks names over a Cyrillic and ASCII alphabet;
// these properties take any Unicode text.

const { isValidEntityName } = makeValidator();

/** The name, or the InputError's class when there is nothing to name. */
function nameOrRefusal(title: string): string {
  try {
    return toEntityName(title);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^Cannot make an entity name/);
    return '<refused>';
  }
}

const cyrillicWords = fc
  .array(
    fc
      .array(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі'), {
        minLength: 1,
        maxLength: 12,
      })
      .map(c => c.join('')),
    { minLength: 1, maxLength: 12 },
  )
  .map(words => words.join(' '));

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  cyrillicWords,
);

describe('toEntityName properties', () => {
  it('gives a valid Backstage name or refuses with an InputError, for any text', () => {
    fc.assert(
      fc.property(anyText, title => {
        const name = nameOrRefusal(title);
        fc.pre(name !== '<refused>');
        expect(isValidEntityName(name)).toBe(true);
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(name.length).toBeLessThanOrEqual(63);
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic and the same for every normalisation form', () => {
    fc.assert(
      fc.property(anyText, title => {
        const name = nameOrRefusal(title);
        expect(nameOrRefusal(title)).toBe(name);
        expect(nameOrRefusal(title.normalize('NFC'))).toBe(name);
        expect(nameOrRefusal(title.normalize('NFD'))).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves a name it made unchanged (idempotent on its output)', () => {
    fc.assert(
      fc.property(anyText, title => {
        const name = nameOrRefusal(title);
        fc.pre(name !== '<refused>');
        expect(toEntityName(name)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on letter case of a Russian or Kazakh title', () => {
    fc.assert(
      fc.property(cyrillicWords, title => {
        const name = nameOrRefusal(title);
        expect(nameOrRefusal(title.toLocaleUpperCase('ru'))).toBe(name);
        expect(nameOrRefusal(title.toLocaleUpperCase('kk'))).toBe(name);
      }),
      { numRuns: 300 },
    );
  });

  it('cuts a long title to whole leading words of its full name', () => {
    fc.assert(
      fc.property(cyrillicWords, cyrillicWords, (a, b) => {
        const title = `${a} ${b} ${a}`;
        const name = nameOrRefusal(title);
        fc.pre(name !== '<refused>');
        // The full name, without the length limit: word by word.
        const words = title
          .split(' ')
          .map(nameOrRefusal)
          .filter(w => w !== '<refused>');
        const full = words.join('-');
        // A prefix of the full name ending at a word boundary, or the first
        // 63 characters of a single first word longer than that.
        const cut =
          full.startsWith(name) &&
          (name.length === full.length ||
            full[name.length] === '-' ||
            (name.length === 63 && !name.includes('-')));
        expect({ name, cut }).toEqual({
          name: full.length <= 63 ? full : name,
          cut: true,
        });
      }),
      { numRuns: 300 },
    );
  });
});
