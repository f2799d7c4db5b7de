import { exemptionsFromRecord } from './exemptions';
import { evaluateMoratorium } from './moratorium';
import { Campaign } from './campaigns';
import { matchesScope, meetsGoal } from './campaignsProgress';
import { CalendarDate, RegistryRecord } from './types';

/**
 * One system as the history rebuild reads it: its owner and its stored
 * register record (creation date, lifecycle history, exemption decisions).
 *
 * @public
 */
export type HistorySystem = {
  stateBodyRef: string;
  record: RegistryRecord;
  /** The day the system entered the campaign's scope, when recorded. */
  enteredOn?: CalendarDate;
};

/**
 * One burn-up point: systems in scope and done on a day, for the whole
 * campaign (`stateBodyRef` empty) or one body.
 *
 * @public
 */
export type HistoryPoint = {
  date: CalendarDate;
  stateBodyRef: string;
  total: number;
  done: number;
};

/** The calendar days from `from` to `to`, both included. */
function daysBetween(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  const at = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (at <= end) {
    days.push(at.toISOString().slice(0, 10));
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return days;
}

/** The lifecycle stage a record shows on a day, if it existed then. */
function stageOn(record: RegistryRecord, day: CalendarDate) {
  let stage: RegistryRecord['lifecycle']['stage'] | undefined;
  for (const event of [...record.lifecycle.history].sort((a, b) =>
    a.date < b.date ? -1 : 1,
  )) {
    if (event.date <= day) {
      stage = event.stage;
    }
  }
  return stage;
}

/**
 * Rebuilds a campaign's burn-up for past days from stored facts: each
 * system's register record (created on, lifecycle stage by date, exemption
 * decisions with their dates and expiry) and the day it entered the scope.
 * On each day a system counts when it existed and matched the scope, and is
 * done when the moratorium rule, evaluated on that day, meets the goal.
 * Only platform-status goals can be rebuilt (readiness has no past in the
 * register); others give no points. A system on the platform counts as on
 * it since its creation (the record keeps no date of the move).
 *
 * @param options - the campaign, its systems and the days to rebuild
 * @public
 */
export function rebuildCampaignHistory(options: {
  campaign: Pick<Campaign, 'goal' | 'scope' | 'startDate'>;
  systems: readonly HistorySystem[];
  /** The last day to rebuild, usually yesterday (Asia/Almaty). */
  until: CalendarDate;
  moratoriumStart?: CalendarDate;
}): HistoryPoint[] {
  const { campaign, systems, until } = options;
  if (campaign.goal.kind !== 'platform-status' || until < campaign.startDate) {
    return [];
  }
  const points: HistoryPoint[] = [];
  for (const day of daysBetween(campaign.startDate, until)) {
    // Noon in Almaty: the rule compares calendar days.
    const at = new Date(`${day}T07:00:00Z`);
    const byBody = new Map<string, { total: number; done: number }>();
    for (const system of systems) {
      const { record } = system;
      const stage = stageOn(record, day);
      if (
        record.createdAt > day ||
        !stage ||
        (system.enteredOn !== undefined && system.enteredOn > day)
      ) {
        continue;
      }
      const status = evaluateMoratorium({
        record,
        exemptions: exemptionsFromRecord(record),
        at,
        moratoriumStart: options.moratoriumStart,
      }).status;
      if (
        !matchesScope(campaign.scope, {
          stateBodyRef: system.stateBodyRef,
          lifecycleStage: stage,
          platformStatus: status,
          critical: record.classification.critical,
          hostingKind: record.hosting.kind,
          onPlatform: record.platform.onPlatform,
        })
      ) {
        continue;
      }
      const done = meetsGoal(campaign.goal, { platformStatus: status });
      const body = system.stateBodyRef.toLocaleLowerCase('en-US');
      for (const key of ['', body]) {
        const c = byBody.get(key) ?? { total: 0, done: 0 };
        c.total += 1;
        c.done += done ? 1 : 0;
        byBody.set(key, c);
      }
    }
    if (!byBody.has('')) {
      byBody.set('', { total: 0, done: 0 });
    }
    for (const [stateBodyRef, c] of byBody) {
      points.push({ date: day, stateBodyRef, ...c });
    }
  }
  return points;
}
