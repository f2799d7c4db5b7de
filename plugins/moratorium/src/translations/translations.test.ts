import { moratoriumTranslationRef } from './ref';
import kk from './kk';
import ru from './ru';

/** The English defaults the ref carries, flattened (`state.draft`…). */
const english: Record<string, string> = (
  moratoriumTranslationRef as unknown as {
    getDefaultMessages(): Record<string, string>;
  }
).getDefaultMessages();

describe('moratorium translations', () => {
  it.each([
    ['ru', ru as Record<string, string>],
    ['kk', kk as Record<string, string>],
  ])('%s has every text, none empty or left in English', (_, messages) => {
    const missing = Object.keys(english).filter(key => !messages[key]);
    expect(missing).toEqual([]);
    const untranslated = Object.keys(english).filter(
      key =>
        messages[key] === english[key] &&
        // Codes, placeholders and symbols read the same in every language.
        !/^(page\.none|field\.attachmentSha256|decisions\.stateBodyPlaceholder|request\.by|history\.transition)$/.test(
          key,
        ),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the placeholders of every English text', () => {
    for (const messages of [ru, kk] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(english)) {
        const placeholders = (text.match(/{{\w+}}/g) ?? []).sort();
        expect({
          key,
          placeholders: (messages[key].match(/{{\w+}}/g) ?? []).sort(),
        }).toEqual({ key, placeholders });
      }
    }
  });
});
