import { isCalendarDate } from './calendarDate';
import { MORATORIUM_STATUSES, MoratoriumStatusKind } from './moratorium';
import {
  CalendarDate,
  HOSTING_KINDS,
  HostingKind,
  LIFECYCLE_STAGES,
  LifecycleStage,
} from './types';

/**
 * The states of a campaign: prepared (draft), tracked (active), over
 * (ended, still shown) and put away (archived).
 *
 * @public
 */
export const CAMPAIGN_STATES = [
  'draft',
  'active',
  'ended',
  'archived',
] as const;

/** The state of a campaign. @public */
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/**
 * The states a campaign may move to from each state. A draft may be put
 * away without ever running.
 *
 * @public
 */
export const CAMPAIGN_TRANSITIONS: Readonly<
  Record<CampaignState, readonly CampaignState[]>
> = {
  draft: ['active', 'archived'],
  active: ['ended'],
  ended: ['archived'],
  archived: [],
};

/** A text in Russian, Kazakh and English. @public */
export type LocalizedText = { ru: string; kk: string; en: string };

/**
 * Which registry systems a campaign covers. Every given field must match;
 * an array matches any of its values; an empty scope covers every system.
 *
 * @public
 */
export type CampaignScope = {
  /** State body Group entity refs. */
  stateBodies?: string[];
  lifecycleStages?: LifecycleStage[];
  platformStatuses?: MoratoriumStatusKind[];
  critical?: boolean;
  hostingKinds?: HostingKind[];
  onPlatform?: boolean;
};

/** The readiness levels a campaign can ask for. @public */
export const CAMPAIGN_READINESS_LEVELS = ['ready', 'conditional'] as const;

/**
 * What each system of a campaign must achieve to count as done.
 *
 * @public
 */
export type CampaignGoal =
  /** Reach at least this security readiness level. */
  | { kind: 'readiness-level'; level: 'ready' | 'conditional' }
  /** Stand in one of these platform (moratorium) statuses. */
  | { kind: 'platform-status'; statuses: MoratoriumStatusKind[] }
  /** Pass every one of these security readiness checks. */
  | { kind: 'checks-pass'; checkIds: string[] };

/** The kinds of goal. @public */
export const CAMPAIGN_GOAL_KINDS = [
  'readiness-level',
  'platform-status',
  'checks-pass',
] as const;

/**
 * A dated target: by `date` (inclusive, Asia/Almaty) at least `share` of
 * the systems in scope are done.
 *
 * @public
 */
export type CampaignMilestone = {
  date: CalendarDate;
  /** 0..1; 0.3 means 30 %. */
  share: number;
  title?: LocalizedText;
};

/** Where a campaign is defined: in the app or in app-config. @public */
export type CampaignSource = 'app' | 'config';

/**
 * A national deadline tracked over the register.
 *
 * @public
 */
export type Campaign = {
  /** A slug: lower-case letters, digits and dashes. */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** The User or Group entity ref that answers for the campaign. */
  owner: string;
  scope: CampaignScope;
  goal: CampaignGoal;
  startDate: CalendarDate;
  /** Ascending dates, non-decreasing shares, the last share 1. */
  milestones: CampaignMilestone[];
  state: CampaignState;
  /** `config` campaigns are read-only in the app. */
  source: CampaignSource;
  /** Increases with every change; updates name the version they change. */
  version: number;
  /** UTC ISO 8601. */
  createdAt: string;
  /** UTC ISO 8601. */
  updatedAt: string;
};

/**
 * What a person (or config) writes to define a campaign.
 *
 * @public
 */
export type CampaignInput = Pick<
  Campaign,
  'title' | 'owner' | 'scope' | 'goal' | 'startDate' | 'milestones'
> & {
  /** Chosen by the server from the English title when absent. */
  id?: string;
  description?: LocalizedText;
};

/** One thing wrong with a campaign, naming the field. @public */
export type CampaignProblem = {
  /** A dotted path, e.g. `milestones[1].share`. */
  field: string;
  message: string;
};

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENTITY_REF_PATTERN = /^(user|group):([^:/\s]+\/)?[^:/\s]+$/i;
const GROUP_REF_PATTERN = /^(group:)?([^:/\s]+\/)?[^:/\s]+$/i;
const LANGUAGES = ['ru', 'kk', 'en'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(
  problems: CampaignProblem[],
  field: string,
  value: unknown,
  required: boolean,
) {
  if (value === undefined && !required) {
    return;
  }
  if (!isObject(value)) {
    problems.push({
      field,
      message: 'must be an object with ru, kk and en texts',
    });
    return;
  }
  for (const language of LANGUAGES) {
    const text = value[language];
    if (typeof text !== 'string' || !text.trim()) {
      problems.push({
        field: `${field}.${language}`,
        message: 'must be a non-empty text',
      });
    } else if (text.length > 500) {
      problems.push({
        field: `${field}.${language}`,
        message: 'must be at most 500 characters',
      });
    }
  }
}

function checkList<T extends string>(
  problems: CampaignProblem[],
  field: string,
  value: unknown,
  allowed: readonly T[] | ((item: string) => boolean),
  describe: string,
) {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({
      field,
      message: `must be a non-empty list of ${describe}`,
    });
    return;
  }
  value.forEach((item, index) => {
    const ok =
      typeof item === 'string' &&
      (typeof allowed === 'function'
        ? allowed(item)
        : (allowed as readonly string[]).includes(item));
    if (!ok) {
      problems.push({
        field: `${field}[${index}]`,
        message:
          typeof allowed === 'function'
            ? `must be ${describe}`
            : `must be one of ${allowed.join(', ')}`,
      });
    }
  });
}

function checkScope(problems: CampaignProblem[], scope: unknown) {
  if (!isObject(scope)) {
    problems.push({ field: 'scope', message: 'must be an object' });
    return;
  }
  const known = [
    'stateBodies',
    'lifecycleStages',
    'platformStatuses',
    'critical',
    'hostingKinds',
    'onPlatform',
  ];
  for (const key of Object.keys(scope)) {
    if (!known.includes(key)) {
      problems.push({
        field: `scope.${key}`,
        message: `is not a scope field; use ${known.join(', ')}`,
      });
    }
  }
  checkList(
    problems,
    'scope.stateBodies',
    scope.stateBodies,
    item => GROUP_REF_PATTERN.test(item),
    'Group entity refs, e.g. group:default/mcriap',
  );
  checkList(
    problems,
    'scope.lifecycleStages',
    scope.lifecycleStages,
    LIFECYCLE_STAGES,
    'lifecycle stages',
  );
  checkList(
    problems,
    'scope.platformStatuses',
    scope.platformStatuses,
    MORATORIUM_STATUSES,
    'platform statuses',
  );
  checkList(
    problems,
    'scope.hostingKinds',
    scope.hostingKinds,
    HOSTING_KINDS,
    'hosting kinds',
  );
  for (const key of ['critical', 'onPlatform'] as const) {
    if (scope[key] !== undefined && typeof scope[key] !== 'boolean') {
      problems.push({
        field: `scope.${key}`,
        message: 'must be true or false',
      });
    }
  }
}

function checkGoal(problems: CampaignProblem[], goal: unknown) {
  if (!isObject(goal)) {
    problems.push({
      field: 'goal',
      message: `must be an object with a kind: ${CAMPAIGN_GOAL_KINDS.join(
        ', ',
      )}`,
    });
    return;
  }
  switch (goal.kind) {
    case 'readiness-level':
      if (
        !(CAMPAIGN_READINESS_LEVELS as readonly unknown[]).includes(goal.level)
      ) {
        problems.push({
          field: 'goal.level',
          message: `must be one of ${CAMPAIGN_READINESS_LEVELS.join(', ')}`,
        });
      }
      return;
    case 'platform-status':
      if (goal.statuses === undefined) {
        problems.push({
          field: 'goal.statuses',
          message: 'must be a non-empty list of platform statuses',
        });
      }
      checkList(
        problems,
        'goal.statuses',
        goal.statuses,
        MORATORIUM_STATUSES,
        'platform statuses',
      );
      return;
    case 'checks-pass':
      if (goal.checkIds === undefined) {
        problems.push({
          field: 'goal.checkIds',
          message: 'must be a non-empty list of readiness check ids',
        });
      }
      checkList(
        problems,
        'goal.checkIds',
        goal.checkIds,
        item => /^[a-z0-9][a-z0-9-]*$/.test(item),
        'a readiness check id (lower-case letters, digits, dashes)',
      );
      return;
    default:
      problems.push({
        field: 'goal.kind',
        message: `must be one of ${CAMPAIGN_GOAL_KINDS.join(', ')}`,
      });
  }
}

function checkMilestones(
  problems: CampaignProblem[],
  milestones: unknown,
  startDate: unknown,
) {
  if (!Array.isArray(milestones) || milestones.length === 0) {
    problems.push({
      field: 'milestones',
      message: 'must list at least one milestone',
    });
    return;
  }
  if (milestones.length > 24) {
    problems.push({
      field: 'milestones',
      message: 'must list at most 24 milestones',
    });
  }
  let previous: { date?: string; share?: number } = {};
  milestones.forEach((milestone, index) => {
    const field = `milestones[${index}]`;
    if (!isObject(milestone)) {
      problems.push({
        field,
        message: 'must be an object with date and share',
      });
      return;
    }
    const { date, share } = milestone;
    if (!isCalendarDate(date)) {
      problems.push({
        field: `${field}.date`,
        message: 'must be a date written YYYY-MM-DD',
      });
    } else {
      if (isCalendarDate(startDate) && date < startDate) {
        problems.push({
          field: `${field}.date`,
          message: `must not be before the start date ${startDate}`,
        });
      }
      if (previous.date !== undefined && date <= previous.date) {
        problems.push({
          field: `${field}.date`,
          message: `must be after the previous milestone's date ${previous.date}`,
        });
      }
    }
    if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
      problems.push({
        field: `${field}.share`,
        message: 'must be a number above 0 and at most 1 (0.3 means 30 %)',
      });
    } else if (previous.share !== undefined && share < previous.share) {
      problems.push({
        field: `${field}.share`,
        message: `must not be below the previous milestone's share ${previous.share}`,
      });
    } else if (index === milestones.length - 1 && share !== 1) {
      problems.push({
        field: `${field}.share`,
        message: 'the last milestone must be 1 (every system done)',
      });
    }
    checkText(problems, `${field}.title`, milestone.title, false);
    previous = {
      date: isCalendarDate(date) ? date : previous.date,
      share: typeof share === 'number' ? share : previous.share,
    };
  });
}

/**
 * What is wrong with a campaign as a person or config wrote it; empty when
 * it is a valid {@link CampaignInput}. Each problem names its field.
 *
 * @public
 */
export function validateCampaign(input: unknown): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (!isObject(input)) {
    return [{ field: '', message: 'a campaign must be an object' }];
  }
  if (
    input.id !== undefined &&
    (typeof input.id !== 'string' ||
      !ID_PATTERN.test(input.id) ||
      input.id.length > 63)
  ) {
    problems.push({
      field: 'id',
      message:
        'must be at most 63 lower-case latin letters, digits and single dashes, e.g. migration-2026',
    });
  }
  checkText(problems, 'title', input.title, true);
  checkText(problems, 'description', input.description, false);
  if (
    typeof input.owner !== 'string' ||
    !ENTITY_REF_PATTERN.test(input.owner)
  ) {
    problems.push({
      field: 'owner',
      message:
        'must be a User or Group entity ref, e.g. user:default/aigerim or group:default/mcriap',
    });
  }
  checkScope(problems, input.scope);
  checkGoal(problems, input.goal);
  if (!isCalendarDate(input.startDate)) {
    problems.push({
      field: 'startDate',
      message: 'must be a date written YYYY-MM-DD',
    });
  }
  checkMilestones(problems, input.milestones, input.startDate);
  return problems;
}

/**
 * The problems as one sentence, for an InputError.
 *
 * @public
 */
export function describeCampaignProblems(problems: CampaignProblem[]): string {
  return `Invalid campaign: ${problems
    .map(p => (p.field ? `${p.field} ${p.message}` : p.message))
    .join('; ')}`;
}

/**
 * Whether a campaign may move from one state to another.
 *
 * @public
 */
export function canMoveCampaign(from: CampaignState, to: CampaignState) {
  return CAMPAIGN_TRANSITIONS[from].includes(to);
}

/**
 * A campaign id from a title: the English title transliterated to a slug.
 *
 * @public
 */
export function campaignIdFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'campaign';
}
