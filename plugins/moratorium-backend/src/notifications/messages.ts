import { RequestState } from '@qaztech/plugin-moratorium-common';
import { NotificationLanguage } from '../service/readMoratoriumConfig';

/** What a notification is about, with what its text needs. */
export type MoratoriumMessage =
  | { kind: 'transition'; number: string; to: RequestState }
  | { kind: 'submitted'; number: string; stateBodyRef?: string }
  | { kind: 'agenda-set'; number: string; sittingDate: string }
  | {
      kind: 'deadline-reminder';
      number: string;
      subject: string;
      dueDate: string;
    }
  | {
      kind: 'deadline-missed';
      number: string;
      subject: string;
      dueDate: string;
    }
  | {
      kind: 'system-left-catalog';
      number: string;
      systemRef: string;
      /** What the request became: closed undecided, or its exemption revoked. */
      to: 'withdrawn' | 'revoked';
    };

const STATES: Record<NotificationLanguage, Record<RequestState, string>> = {
  ru: {
    draft: 'черновик',
    submitted: 'подана',
    'platform-review': 'на экспертизе платформы',
    'ministry-review': 'на рассмотрении министерства',
    'info-requested': 'запрошены сведения',
    'on-agenda': 'в повестке заседания',
    approved: 'одобрена',
    'approved-with-conditions': 'одобрена с условиями',
    rejected: 'отклонена',
    deferred: 'отложена',
    withdrawn: 'отозвана заявителем',
    expired: 'срок исключения истёк',
    revoked: 'исключение отменено',
  },
  kk: {
    draft: 'жоба',
    submitted: 'берілді',
    'platform-review': 'платформа сараптамасында',
    'ministry-review': 'министрліктің қарауында',
    'info-requested': 'мәліметтер сұралды',
    'on-agenda': 'отырыстың күн тәртібінде',
    approved: 'мақұлданды',
    'approved-with-conditions': 'шарттармен мақұлданды',
    rejected: 'қабылданбады',
    deferred: 'кейінге қалдырылды',
    withdrawn: 'өтініш беруші кері қайтарып алды',
    expired: 'ерекшелік мерзімі өтті',
    revoked: 'ерекшелік күшін жойды',
  },
  en: {
    draft: 'draft',
    submitted: 'submitted',
    'platform-review': 'in platform review',
    'ministry-review': 'in ministry review',
    'info-requested': 'information requested',
    'on-agenda': 'on the agenda',
    approved: 'approved',
    'approved-with-conditions': 'approved with conditions',
    rejected: 'rejected',
    deferred: 'deferred',
    withdrawn: 'withdrawn by the applicant',
    expired: 'exemption expired',
    revoked: 'exemption revoked',
  },
};

type Texts = {
  [K in MoratoriumMessage['kind']]: (
    m: Extract<MoratoriumMessage, { kind: K }>,
    subject: string,
  ) => { title: string; description: string };
};

/** The subject of a deadline in words: a stage or a condition. */
function subjectText(language: NotificationLanguage, subject: string): string {
  if (subject.startsWith('condition:')) {
    return {
      ru: 'условие решения',
      kk: 'шешім шарты',
      en: 'a condition of the decision',
    }[language];
  }
  return STATES[language][subject as RequestState] ?? subject;
}

const TEXTS: Record<NotificationLanguage, Texts> = {
  ru: {
    transition: (m, s) => ({
      title: `Заявка ${m.number}: ${s}`,
      description: `Статус заявки на исключение из моратория ${m.number} изменён: ${s}.`,
    }),
    submitted: m => ({
      title: `Новая заявка ${m.number}`,
      description: `Подана заявка на исключение из моратория ${m.number}${
        m.stateBodyRef ? ` (${m.stateBodyRef})` : ''
      }. Проверьте комплектность.`,
    }),
    'agenda-set': m => ({
      title: `Заявка ${m.number} в повестке ${m.sittingDate}`,
      description: `Заявка ${m.number} включена в повестку заседания Комиссии ${m.sittingDate}. Ознакомьтесь с досье и проголосуйте.`,
    }),
    'deadline-reminder': (m, s) => ({
      title: `Срок по заявке ${m.number} истекает ${m.dueDate}`,
      description: `Срок этапа «${s}» по заявке ${m.number} истекает ${m.dueDate}.`,
    }),
    'deadline-missed': (m, s) => ({
      title: `Срок по заявке ${m.number} пропущен`,
      description: `Срок этапа «${s}» по заявке ${m.number} истёк ${m.dueDate}.`,
    }),
    'system-left-catalog': m => ({
      title: `Заявка ${m.number}: система выбыла из каталога`,
      description:
        m.to === 'withdrawn'
          ? `Системы ${m.systemRef} больше нет в каталоге, поэтому заявка на исключение из моратория ${m.number} закрыта как отозванная.`
          : `Системы ${m.systemRef} больше нет в каталоге, поэтому исключение из моратория по заявке ${m.number} отменено. Решение Комиссии остаётся в реестре решений.`,
    }),
  },
  kk: {
    transition: (m, s) => ({
      title: `${m.number} өтініші: ${s}`,
      description: `Мораторийден ерекшелікке ${m.number} өтінішінің мәртебесі өзгерді: ${s}.`,
    }),
    submitted: m => ({
      title: `Жаңа өтініш ${m.number}`,
      description: `Мораторийден ерекшелікке ${m.number} өтініші берілді${
        m.stateBodyRef ? ` (${m.stateBodyRef})` : ''
      }. Толықтығын тексеріңіз.`,
    }),
    'agenda-set': m => ({
      title: `${m.number} өтініші ${m.sittingDate} күн тәртібінде`,
      description: `${m.number} өтініші Комиссияның ${m.sittingDate} отырысының күн тәртібіне енгізілді. Құжаттармен танысып, дауыс беріңіз.`,
    }),
    'deadline-reminder': (m, s) => ({
      title: `${m.number} өтініші бойынша мерзім ${m.dueDate} аяқталады`,
      description: `${m.number} өтінішінің «${s}» кезеңінің мерзімі ${m.dueDate} аяқталады.`,
    }),
    'deadline-missed': (m, s) => ({
      title: `${m.number} өтініші бойынша мерзім өтіп кетті`,
      description: `${m.number} өтінішінің «${s}» кезеңінің мерзімі ${m.dueDate} өтті.`,
    }),
    'system-left-catalog': m => ({
      title: `${m.number} өтініші: жүйе каталогтан шығарылды`,
      description:
        m.to === 'withdrawn'
          ? `${m.systemRef} жүйесі каталогта енді жоқ, сондықтан мораторийден ерекшелікке ${m.number} өтініші кері қайтарылған ретінде жабылды.`
          : `${m.systemRef} жүйесі каталогта енді жоқ, сондықтан ${m.number} өтініші бойынша мораторийден ерекшеліктің күші жойылды. Комиссия шешімі шешімдер тізілімінде қалады.`,
    }),
  },
  en: {
    transition: (m, s) => ({
      title: `Request ${m.number}: ${s}`,
      description: `The moratorium exemption request ${m.number} is now: ${s}.`,
    }),
    submitted: m => ({
      title: `New request ${m.number}`,
      description: `Moratorium exemption request ${m.number} was submitted${
        m.stateBodyRef ? ` (${m.stateBodyRef})` : ''
      }. Check that it is complete.`,
    }),
    'agenda-set': m => ({
      title: `Request ${m.number} on the agenda of ${m.sittingDate}`,
      description: `Request ${m.number} is on the agenda of the commission's sitting on ${m.sittingDate}. Read the dossier and vote.`,
    }),
    'deadline-reminder': (m, s) => ({
      title: `Request ${m.number}: deadline ${m.dueDate}`,
      description: `The deadline of "${s}" for request ${m.number} ends on ${m.dueDate}.`,
    }),
    'deadline-missed': (m, s) => ({
      title: `Request ${m.number}: deadline missed`,
      description: `The deadline of "${s}" for request ${m.number} passed on ${m.dueDate}.`,
    }),
    'system-left-catalog': m => ({
      title: `Request ${m.number}: the system left the catalog`,
      description:
        m.to === 'withdrawn'
          ? `The system ${m.systemRef} is no longer in the catalog, so the moratorium exemption request ${m.number} was closed as withdrawn.`
          : `The system ${m.systemRef} is no longer in the catalog, so the moratorium exemption of request ${m.number} was revoked. The commission's decision stays in the register of decisions.`,
    }),
  },
};

/** The title and description of a notification in the configured language. */
export function renderMessage(
  message: MoratoriumMessage,
  language: NotificationLanguage,
): { title: string; description: string } {
  let subject = '';
  if (message.kind === 'transition') {
    subject = STATES[language][message.to];
  } else if (
    message.kind === 'deadline-reminder' ||
    message.kind === 'deadline-missed'
  ) {
    subject = subjectText(language, message.subject);
  }
  const text = TEXTS[language][message.kind] as (
    m: MoratoriumMessage,
    s: string,
  ) => { title: string; description: string };
  return text(message, subject);
}
