import { DateTime } from 'luxon';
import type { NotificationLanguage } from './readCampaignsConfig';

/** A campaign's line in a body's weekly digest. */
export type DigestLine = {
  campaignTitle: string;
  total: number;
  done: number;
  late: number;
  atRisk: number;
  nextMilestoneDate?: string;
};

/** What a campaign notification is about, with what its text needs. */
export type CampaignMessage =
  | {
      kind: 'system-at-risk' | 'system-late';
      campaignTitle: string;
      systemTitle: string;
      /** The milestone's date, YYYY-MM-DD. */
      milestoneDate: string;
      /** The milestone's share, 0..1. */
      milestoneShare: number;
      /** What the system must do, in the language. */
      action: string;
    }
  | {
      /** The week's digest to a body's heads, over its active campaigns. */
      kind: 'body-digest';
      bodyTitle: string;
      campaigns: DigestLine[];
    }
  | {
      /**
       * The day's notice to a state body: its systems at risk and late,
       * grouped, with the worst few named (instead of one notice a system).
       */
      kind: 'body-daily';
      campaignTitle: string;
      bodyTitle: string;
      total: number;
      done: number;
      late: number;
      atRisk: number;
      /** The worst systems (late first), their titles in the language. */
      worst: string[];
      /** The milestone missed or coming, YYYY-MM-DD. */
      milestoneDate?: string;
    }
  | {
      kind: 'late-bodies';
      campaignTitle: string;
      /** Body titles with their share done. */
      bodies: Array<{ title: string; share: number }>;
    };

/** A date as people read it in Kazakhstan. */
function day(date: string): string {
  return DateTime.fromISO(date).toFormat('dd.MM.yyyy');
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The title and text of a notification in a language. */
export function renderCampaignMessage(
  message: CampaignMessage,
  language: NotificationLanguage,
): { title: string; description: string } {
  switch (message.kind) {
    case 'system-at-risk': {
      const date = day(message.milestoneDate);
      const share = percent(message.milestoneShare);
      return {
        ru: {
          title: `Срок близко: ${message.systemTitle}`,
          description: `Кампания «${message.campaignTitle}»: к ${date} должно быть выполнено ${share} систем, система «${message.systemTitle}» ещё нет. Что сделать: ${message.action}.`,
        },
        kk: {
          title: `Мерзім жақын: ${message.systemTitle}`,
          description: `«${message.campaignTitle}» науқаны: ${date} дейін жүйелердің ${share} орындалуы тиіс, «${message.systemTitle}» жүйесі әлі орындамады. Не істеу керек: ${message.action}.`,
        },
        en: {
          title: `Deadline close: ${message.systemTitle}`,
          description: `Campaign "${message.campaignTitle}": ${share} of systems must be done by ${date}, and "${message.systemTitle}" is not yet. To do: ${message.action}.`,
        },
      }[language];
    }
    case 'system-late': {
      const date = day(message.milestoneDate);
      const share = percent(message.milestoneShare);
      return {
        ru: {
          title: `Срок пропущен: ${message.systemTitle}`,
          description: `Кампания «${message.campaignTitle}»: к ${date} должно было быть выполнено ${share} систем; ваш орган отстаёт, система «${message.systemTitle}» не выполнена. Что сделать: ${message.action}.`,
        },
        kk: {
          title: `Мерзім өтіп кетті: ${message.systemTitle}`,
          description: `«${message.campaignTitle}» науқаны: ${date} дейін жүйелердің ${share} орындалуы тиіс еді; сіздің орган кешігуде, «${message.systemTitle}» жүйесі орындалмады. Не істеу керек: ${message.action}.`,
        },
        en: {
          title: `Deadline missed: ${message.systemTitle}`,
          description: `Campaign "${message.campaignTitle}": ${share} of systems were due by ${date}; your body is late and "${message.systemTitle}" is not done. To do: ${message.action}.`,
        },
      }[language];
    }
    case 'body-daily': {
      const date = message.milestoneDate
        ? day(message.milestoneDate)
        : undefined;
      const more = message.late + message.atRisk - message.worst.length;
      const worst = (words: { and: string; more: string }) =>
        message.worst.length === 0
          ? ''
          : ` ${message.worst.map(t => `«${t}»`).join(', ')}${
              more > 0 ? ` ${words.and} ${more} ${words.more}` : ''
            }.`;
      return {
        ru: {
          title: `Кампания «${message.campaignTitle}»: с опозданием ${message.late}, под угрозой ${message.atRisk}`,
          description: `${message.bodyTitle}: выполнено ${message.done} из ${
            message.total
          } систем${date ? `, срок ${date}` : ''}.${worst({
            and: 'и ещё',
            more: 'систем',
          })}`,
        },
        kk: {
          title: `«${message.campaignTitle}» науқаны: кешіккені ${message.late}, қауіп төнгені ${message.atRisk}`,
          description: `${message.bodyTitle}: ${message.total} жүйенің ${
            message.done
          } орындалды${date ? `, мерзімі ${date}` : ''}.${worst({
            and: 'және тағы',
            more: 'жүйе',
          })}`,
        },
        en: {
          title: `Campaign "${message.campaignTitle}": ${message.late} late, ${message.atRisk} at risk`,
          description: `${message.bodyTitle}: ${message.done} of ${
            message.total
          } systems done${date ? `, deadline ${date}` : ''}.${worst({
            and: 'and',
            more: 'more',
          }).replace(/«([^»]*)»/g, '"$1"')}`,
        },
      }[language];
    }
    case 'body-digest': {
      const next = (c: DigestLine, words: string) =>
        c.nextMilestoneDate ? ` ${words} ${day(c.nextMilestoneDate)}.` : '';
      const lines: Record<NotificationLanguage, (c: DigestLine) => string> = {
        ru: c =>
          `Выполнено ${c.done} из ${c.total} систем; с опозданием ${
            c.late
          }, под угрозой ${c.atRisk}.${next(c, 'Следующий срок —')}`,
        kk: c =>
          `${c.total} жүйенің ${c.done} орындалды; кешіккені ${
            c.late
          }, қауіп төнгені ${c.atRisk}.${next(c, 'Келесі мерзім —')}`,
        en: c =>
          `${c.done} of ${c.total} systems done; ${c.late} late, ${
            c.atRisk
          } at risk.${next(c, 'Next deadline:')}`,
      };
      const quote = (t: string) => (language === 'en' ? `"${t}"` : `«${t}»`);
      const description =
        message.campaigns.length === 1
          ? lines[language](message.campaigns[0])
          : message.campaigns
              .map(c => `${quote(c.campaignTitle)}: ${lines[language](c)}`)
              .join(' ');
      const one =
        message.campaigns.length === 1
          ? message.campaigns[0].campaignTitle
          : undefined;
      const n = message.campaigns.length;
      return {
        ru: {
          title: one
            ? `Неделя кампании «${one}»: ${message.bodyTitle}`
            : `Неделя кампаний (${n}): ${message.bodyTitle}`,
          description,
        },
        kk: {
          title: one
            ? `«${one}» науқанының аптасы: ${message.bodyTitle}`
            : `Науқандар аптасы (${n}): ${message.bodyTitle}`,
          description,
        },
        en: {
          title: one
            ? `Campaign week "${one}": ${message.bodyTitle}`
            : `Campaigns week (${n}): ${message.bodyTitle}`,
          description,
        },
      }[language];
    }
    default: {
      const list = message.bodies
        .map(b => `${b.title} (${percent(b.share)})`)
        .join(', ');
      return {
        ru: {
          title: `Отстают в кампании «${message.campaignTitle}»: ${message.bodies.length}`,
          description: `Органы с пропущенным сроком: ${list}.`,
        },
        kk: {
          title: `«${message.campaignTitle}» науқанында кешігетіндер: ${message.bodies.length}`,
          description: `Мерзімі өтіп кеткен органдар: ${list}.`,
        },
        en: {
          title: `Late in campaign "${message.campaignTitle}": ${message.bodies.length}`,
          description: `Bodies that missed a deadline: ${list}.`,
        },
      }[language];
    }
  }
}

const LEVELS: Record<NotificationLanguage, Record<string, string>> = {
  ru: { ready: 'готова', conditional: 'условно готова' },
  kk: { ready: 'дайын', conditional: 'шартты түрде дайын' },
  en: { ready: 'ready', conditional: 'conditionally ready' },
};

const STATUSES: Record<NotificationLanguage, Record<string, string>> = {
  ru: {
    'on-platform': 'на платформе',
    exempted: 'исключение одобрено',
    'legacy-migrating': 'переходит на платформу',
    violation: 'нарушение',
  },
  kk: {
    'on-platform': 'платформада',
    exempted: 'ерекшелік мақұлданды',
    'legacy-migrating': 'платформаға көшуде',
    violation: 'бұзушылық',
  },
  en: {
    'on-platform': 'on the platform',
    exempted: 'exempted',
    'legacy-migrating': 'migrating',
    violation: 'violation',
  },
};

const OR: Record<NotificationLanguage, string> = {
  ru: ' или ',
  kk: ' немесе ',
  en: ' or ',
};

/** What a system must do, as a phrase in a language. */
export function renderAction(
  action:
    | { code: 'done' }
    | { code: 'reach-readiness'; values: { level: string } }
    | { code: 'move-to-platform'; values: { statuses: string[] } }
    | { code: 'pass-checks'; values: { checkIds: string[] } },
  language: NotificationLanguage,
): string {
  switch (action.code) {
    case 'reach-readiness':
      return {
        ru: `довести готовность по безопасности до уровня «${
          LEVELS.ru[action.values.level]
        }»`,
        kk: `қауіпсіздік дайындығын «${
          LEVELS.kk[action.values.level]
        }» деңгейіне жеткізу`,
        en: `reach security readiness "${LEVELS.en[action.values.level]}"`,
      }[language];
    case 'move-to-platform': {
      const list = action.values.statuses
        .map(s => STATUSES[language][s] ?? s)
        .join(OR[language]);
      return {
        ru: `перейти в статус: ${list}`,
        kk: `мәртебеге өту: ${list}`,
        en: `reach the status ${list}`,
      }[language];
    }
    case 'pass-checks':
      return {
        ru: `пройти проверки ${action.values.checkIds.join(', ')}`,
        kk: `${action.values.checkIds.join(', ')} тексерулерінен өту`,
        en: `pass the checks ${action.values.checkIds.join(', ')}`,
      }[language];
    default:
      return { ru: 'ничего', kk: 'ештеңе', en: 'nothing' }[language];
  }
}
