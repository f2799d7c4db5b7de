import type { ReadinessLevel } from '@qaztech/plugin-security-readiness-common';
import { DateTime } from 'luxon';
import type { NotificationLanguage } from '../service/readSecurityReadinessConfig';

/** What a notification is about, with what its text needs. */
export type SecurityReadinessMessage =
  | {
      kind: 'attestation-expiring';
      systemTitle: string;
      checkTitle: string;
      /** ISO instant. */
      expiresAt: string;
    }
  | {
      kind: 'signoff-dropped';
      systemTitle: string;
      signedLevel: ReadinessLevel;
      currentLevel: ReadinessLevel;
      score: number | null;
    };

const LEVELS: Record<NotificationLanguage, Record<ReadinessLevel, string>> = {
  ru: {
    ready: 'готова',
    conditional: 'условно готова',
    'not-ready': 'не готова',
  },
  kk: {
    ready: 'дайын',
    conditional: 'шартты түрде дайын',
    'not-ready': 'дайын емес',
  },
  en: {
    ready: 'ready',
    conditional: 'conditionally ready',
    'not-ready': 'not ready',
  },
};

/** A date as people read it in Kazakhstan (Asia/Almaty). */
function day(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone('Asia/Almaty')
    .toFormat('dd.MM.yyyy');
}

function score(value: number | null, language: NotificationLanguage): string {
  if (value === null) {
    return { ru: 'нет оценки', kk: 'бағасы жоқ', en: 'no score' }[language];
  }
  return value.toFixed(1);
}

/** The title and text of a notification in a language. */
export function renderMessage(
  message: SecurityReadinessMessage,
  language: NotificationLanguage,
): { title: string; description: string } {
  if (message.kind === 'attestation-expiring') {
    const date = day(message.expiresAt);
    return {
      ru: {
        title: `Истекает подтверждение: ${message.systemTitle}`,
        description: `Подтверждение проверки «${message.checkTitle}» системы «${message.systemTitle}» действует до ${date}. Попросите офицера безопасности подтвердить её заново, иначе оценка готовности снизится.`,
      },
      kk: {
        title: `Растау мерзімі аяқталады: ${message.systemTitle}`,
        description: `«${message.systemTitle}» жүйесінің «${message.checkTitle}» тексеруінің растауы ${date} дейін жарамды. Қауіпсіздік офицерінен қайта растауды сұраңыз, әйтпесе дайындық бағасы төмендейді.`,
      },
      en: {
        title: `Attestation expiring: ${message.systemTitle}`,
        description: `The attestation of check "${message.checkTitle}" of "${message.systemTitle}" is valid until ${date}. Ask a security officer to attest it again, or the readiness score will drop.`,
      },
    }[language];
  }
  const signed = LEVELS[language][message.signedLevel];
  const current = LEVELS[language][message.currentLevel];
  const points = score(message.score, language);
  return {
    ru: {
      title: `Готовность снизилась: ${message.systemTitle}`,
      description: `Система «${message.systemTitle}» была подписана как «${signed}», сейчас она «${current}» (оценка ${points}). Проверьте, что изменилось, в карточке готовности.`,
    },
    kk: {
      title: `Дайындық төмендеді: ${message.systemTitle}`,
      description: `«${message.systemTitle}» жүйесі «${signed}» ретінде қол қойылған, қазір ол «${current}» (бағасы ${points}). Не өзгергенін дайындық карточкасынан қараңыз.`,
    },
    en: {
      title: `Readiness dropped: ${message.systemTitle}`,
      description: `"${message.systemTitle}" was signed off as ${signed}; it is now ${current} (score ${points}). See what changed on its readiness scorecard.`,
    },
  }[language];
}
