import { REASON_CODES } from '@qaztech/plugin-security-readiness-common';
import kk from './kk';
import { securityReadinessTranslationRef } from './ref';
import ru from './ru';

/** The English defaults the ref carries, flattened (`level.ready`…). */
const english: Record<string, string> = (
  securityReadinessTranslationRef as unknown as {
    getDefaultMessages(): Record<string, string>;
  }
).getDefaultMessages();

/** Texts that read the same in every language: codes, symbols, placeholders. */
const SAME_IN_EVERY_LANGUAGE =
  /^(page\.none|scorecard\.sha256|history\.change|history\.statusScore|dashboard\.share|dashboard\.levelSegment)$/;

describe('security readiness translations', () => {
  it('has a message for every reason code in English, Russian and Kazakh', () => {
    for (const messages of [english, ru, kk] as Record<string, string>[]) {
      const missing = REASON_CODES.filter(code => !messages[`reason.${code}`]);
      expect(missing).toEqual([]);
    }
  });

  it.each([
    ['ru', ru as Record<string, string>],
    ['kk', kk as Record<string, string>],
  ])(
    '%s has every text and no other, none empty or left in English',
    (_, messages) => {
      expect(Object.keys(english).filter(key => !messages[key])).toEqual([]);
      expect(Object.keys(messages).filter(key => !(key in english))).toEqual(
        [],
      );
      const untranslated = Object.keys(english).filter(
        key =>
          messages[key] === english[key] && !SAME_IN_EVERY_LANGUAGE.test(key),
      );
      expect(untranslated).toEqual([]);
    },
  );

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
