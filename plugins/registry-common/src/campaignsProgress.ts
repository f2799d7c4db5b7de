import {
  WorkingCalendar,
  addWorkingDaysToDate,
  startOfCalendarDate,
  workingDaysBetween,
} from './calendar';
import { CampaignGoal, CampaignMilestone, CampaignScope } from './campaigns';
import { MoratoriumStatusKind } from './moratorium';
import { CalendarDate, HostingKind, LifecycleStage } from './types';

/**
 * Where a system or a body stands against a campaign: `done` (every system
 * meets the goal), `late` (a milestone has passed unmet), `at-risk` (the
 * next milestone is close and not yet met), else `on-track`.
 *
 * @public
 */
export const PROGRESS_STATUSES = [
  'late',
  'at-risk',
  'on-track',
  'done',
] as const;

/** Where a system or a body stands against a campaign. @public */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** The security readiness levels, best first. @public */
export type CampaignReadinessLevel = 'ready' | 'conditional' | 'not-ready';

/** What a scope is matched against: one registry system. @public */
export type CampaignScopeSubject = {
  /** The state body Group entity ref (the system's owner). */
  stateBodyRef: string;
  lifecycleStage: LifecycleStage;
  platformStatus: MoratoriumStatusKind;
  critical: boolean;
  hostingKind: HostingKind;
  /** The record's platform flag; `platformStatus === 'on-platform'` when absent. */
  onPlatform?: boolean;
};

/** What a goal is judged on: one system's current facts. @public */
export type CampaignGoalFacts = {
  platformStatus: MoratoriumStatusKind;
  /** Absent while the system has no readiness result. */
  readinessLevel?: CampaignReadinessLevel;
  /** Absent when the checks' results are not known. */
  passedCheckIds?: readonly string[];
};

function normalizeGroupRef(ref: string): string {
  const lower = ref.toLocaleLowerCase('en-US');
  const withKind = lower.includes(':') ? lower : `group:${lower}`;
  return withKind.includes('/') ? withKind : withKind.replace(':', ':default/');
}

/**
 * Whether a system falls in a campaign's scope: every given field matches.
 *
 * @public
 */
export function matchesScope(
  scope: CampaignScope,
  system: CampaignScopeSubject,
): boolean {
  if (
    scope.stateBodies?.length &&
    !scope.stateBodies
      .map(normalizeGroupRef)
      .includes(normalizeGroupRef(system.stateBodyRef))
  ) {
    return false;
  }
  if (
    scope.lifecycleStages?.length &&
    !scope.lifecycleStages.includes(system.lifecycleStage)
  ) {
    return false;
  }
  if (
    scope.platformStatuses?.length &&
    !scope.platformStatuses.includes(system.platformStatus)
  ) {
    return false;
  }
  if (scope.critical !== undefined && scope.critical !== system.critical) {
    return false;
  }
  if (
    scope.hostingKinds?.length &&
    !scope.hostingKinds.includes(system.hostingKind)
  ) {
    return false;
  }
  if (scope.onPlatform !== undefined) {
    const onPlatform =
      system.onPlatform ?? system.platformStatus === 'on-platform';
    if (onPlatform !== scope.onPlatform) {
      return false;
    }
  }
  return true;
}

const LEVEL_RANK: Record<CampaignReadinessLevel, number> = {
  'not-ready': 0,
  conditional: 1,
  ready: 2,
};

/**
 * Whether a system meets a campaign's goal. A system without a readiness
 * result, or whose checks are not known, does not.
 *
 * @public
 */
export function meetsGoal(
  goal: CampaignGoal,
  facts: CampaignGoalFacts,
): boolean {
  switch (goal.kind) {
    case 'readiness-level':
      return (
        facts.readinessLevel !== undefined &&
        LEVEL_RANK[facts.readinessLevel] >= LEVEL_RANK[goal.level]
      );
    case 'platform-status':
      return goal.statuses.includes(facts.platformStatus);
    case 'checks-pass':
      return (
        facts.passedCheckIds !== undefined &&
        goal.checkIds.every(id => facts.passedCheckIds!.includes(id))
      );
    default:
      return false;
  }
}

/**
 * What a system must still do to meet a goal, as a code and the values a
 * user interface needs to say it in the reader's language.
 *
 * @public
 */
export type CampaignAction =
  | { code: 'done' }
  | {
      code: 'reach-readiness';
      values: {
        level: 'ready' | 'conditional';
        current?: CampaignReadinessLevel;
      };
    }
  | {
      code: 'move-to-platform';
      values: {
        statuses: MoratoriumStatusKind[];
        current: MoratoriumStatusKind;
      };
    }
  | {
      code: 'pass-checks';
      /** `checkIds` are the checks not known to pass. */
      values: { checkIds: string[] };
    };

/**
 * What a system must do to meet a goal.
 *
 * @public
 */
export function whatToDo(
  goal: CampaignGoal,
  facts: CampaignGoalFacts,
): CampaignAction {
  if (meetsGoal(goal, facts)) {
    return { code: 'done' };
  }
  switch (goal.kind) {
    case 'readiness-level':
      return {
        code: 'reach-readiness',
        values: {
          level: goal.level,
          ...(facts.readinessLevel ? { current: facts.readinessLevel } : {}),
        },
      };
    case 'platform-status':
      return {
        code: 'move-to-platform',
        values: { statuses: goal.statuses, current: facts.platformStatus },
      };
    default:
      return {
        code: 'pass-checks',
        values: {
          checkIds: goal.checkIds.filter(
            id => !(facts.passedCheckIds ?? []).includes(id),
          ),
        },
      };
  }
}

/** What {@link bodyProgress} needs. @public */
export type BodyProgressInput = {
  milestones: readonly CampaignMilestone[];
  /** Systems in scope. */
  total: number;
  /** Systems that meet the goal. */
  done: number;
  /** The local date (Asia/Almaty) progress is judged on. */
  today: CalendarDate;
  /** A milestone this many working days away or closer puts an unmet body at risk. */
  atRiskWorkingDays: number;
  calendar: WorkingCalendar;
  /**
   * The body's systems with the day each entered the campaign's scope. When
   * given, a passed milestone judges only the systems that entered before
   * its date: a system that arrived after a milestone is not late for it.
   */
  systems?: ReadonlyArray<{ enteredOn: CalendarDate; done: boolean }>;
};

/** Where a body (or a whole campaign) stands. @public */
export type BodyProgress = {
  status: ProgressStatus;
  /** done / total, 0..1; 1 when there is nothing to do. */
  share: number;
  /** The first milestone on or after today. */
  nextMilestone?: CampaignMilestone;
  /** The share the passed milestones ask for by today; 0 before the first. */
  requiredShare: number;
  /**
   * Working days from today to the next milestone's date, when it is
   * within the at-risk window; absent when it is further away.
   */
  workingDaysToNext?: number;
};

/** Systems a milestone asks to be done out of `total`. */
function required(share: number, total: number): number {
  // 0.3 × 10 is 3.0000000000000004 in floating point; a target of 30 % of
  // ten systems is three.
  return Math.ceil(share * total - 1e-9);
}

/**
 * Where a group of systems (a state body's, or a whole campaign's) stands
 * against the milestones on a day. A milestone is due at the end of its
 * date: it has passed from the next day on.
 *
 * @public
 */
export function bodyProgress(input: BodyProgressInput): BodyProgress {
  const { milestones, total, done, today, atRiskWorkingDays, calendar } = input;
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const passed = milestones.filter(m => m.date < today);
  const nextMilestone = milestones.find(m => m.date >= today);
  const requiredShare = passed.length ? passed[passed.length - 1].share : 0;
  // Counting working days walks the calendar a day at a time: only the
  // at-risk window is walked, never the months up to a distant milestone.
  const windowEnd = addWorkingDaysToDate(today, atRiskWorkingDays, calendar);
  const withinWindow =
    nextMilestone !== undefined && nextMilestone.date <= windowEnd;
  const workingDaysToNext = withinWindow
    ? workingDaysBetween(
        startOfCalendarDate(today, calendar),
        startOfCalendarDate(nextMilestone.date, calendar),
        calendar,
      )
    : undefined;
  const base = {
    share,
    requiredShare,
    ...(nextMilestone ? { nextMilestone } : {}),
    ...(workingDaysToNext !== undefined ? { workingDaysToNext } : {}),
  };
  if (done >= total) {
    return { status: 'done', ...base };
  }
  const missed = (m: CampaignMilestone) => {
    if (!input.systems) {
      return done < required(m.share, total);
    }
    const cohort = input.systems.filter(sys => sys.enteredOn < m.date);
    return (
      cohort.filter(sys => sys.done).length < required(m.share, cohort.length)
    );
  };
  if (passed.some(missed)) {
    return { status: 'late', ...base };
  }
  if (withinWindow && done < required(nextMilestone!.share, total)) {
    return { status: 'at-risk', ...base };
  }
  return { status: 'on-track', ...base };
}

/**
 * A system's status: `done` when it meets the goal, else its body's, except
 * that with `judged` a system is never late for a milestone that passed
 * before it entered the campaign's scope.
 *
 * @public
 */
export function systemProgressStatus(
  meets: boolean,
  body: ProgressStatus,
  judged?: {
    /** The day the system entered the campaign's scope. */
    enteredOn: CalendarDate;
    milestones: readonly CampaignMilestone[];
    today: CalendarDate;
  },
): ProgressStatus {
  if (meets) {
    return 'done';
  }
  // A system is late only for a milestone that passed after it entered the
  // scope; one that arrived after every passed milestone is still on track.
  if (
    body === 'late' &&
    judged &&
    !judged.milestones.some(
      m => m.date < judged.today && m.date > judged.enteredOn,
    )
  ) {
    return 'on-track';
  }
  // A body is done only when all its systems are; an unmet system of a
  // body counted as done cannot exist, but is never shown as done.
  return body === 'done' ? 'on-track' : body;
}

/**
 * Orders statuses from the most to the least urgent: late, at risk, on
 * track, done.
 *
 * @public
 */
export function compareProgressStatus(
  a: ProgressStatus,
  b: ProgressStatus,
): number {
  return PROGRESS_STATUSES.indexOf(a) - PROGRESS_STATUSES.indexOf(b);
}
