import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  registry?: {
    /**
     * The first day of the moratorium (`YYYY-MM-DD`), used when a system
     * carries no status from the catalog module and the rule is evaluated
     * here. Defaults to 2026-01-01.
     */
    moratoriumStart?: string;
    sync?: {
      /**
       * How often the register projection is brought in step with the
       * catalog. Runs on one replica at a time. Defaults to every minute,
       * with a 10 minute timeout, starting 15 seconds after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * Campaigns: national deadlines tracked over the register (for example
     * every platform system secured by 2026-03-31), with progress per system
     * and state body, daily history, reminders and escalations.
     */
    campaigns?: {
      /**
       * How often progress is recomputed, readiness read and reminders
       * sent. Runs on one replica at a time. Defaults to every 10 minutes
       * with a 10 minute timeout, starting 30 seconds after start-up. A
       * register sync that changes systems also triggers it.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * A body (and its systems) is at risk this many working days
       * (Asia/Almaty) before a milestone it has not reached. Defaults to 5.
       */
      atRiskWorkingDays?: number;
      /**
       * Public holidays and transferred days off, `YYYY-MM-DD`, for the
       * working-day count. Defaults to Kazakhstan's holidays 2025–2027.
       */
      holidays?: string[];
      readiness?: {
        /**
         * Whether to read readiness levels from the security readiness
         * plugin (`GET /api/security-readiness/scorecards`). Defaults to
         * true; without it, readiness goals are never met.
         */
        enabled?: boolean;
      };
      notifications?: {
        /** The language of notifications: ru (default), kk or en. */
        language?: 'ru' | 'kk' | 'en';
        /**
         * The Group whose members are digitalization heads: a head of a
         * state body is a member of both. Defaults to
         * `group:default/qaztech-digital-heads`.
         */
        headsGroup?: string;
        /**
         * The ISO weekday (1 Monday … 7 Sunday) from which each week's
         * digest goes to the heads. Defaults to 1.
         */
        digestWeekday?: number;
      };
      /**
       * Campaigns defined in configuration: read-only in the app, updated
       * at start-up, deleted (with their progress) when removed here.
       */
      definitions?: Array<{
        /** A slug; made from the English title when absent. */
        id?: string;
        /** The title in Russian, Kazakh and English. */
        title: { ru: string; kk: string; en: string };
        /** What the campaign is about, in Russian, Kazakh and English. */
        description?: { ru: string; kk: string; en: string };
        /** The User or Group entity ref that answers for the campaign. */
        owner: string;
        /**
         * Which registry systems the campaign covers; every given field
         * must match. Empty covers every system.
         */
        scope: {
          /** State body Group entity refs. */
          stateBodies?: string[];
          /** Lifecycle stages, e.g. industrial-operation. */
          lifecycleStages?: string[];
          /** on-platform, legacy-migrating, exempted, violation. */
          platformStatuses?: string[];
          /** Only critical (true) or non-critical (false) systems. */
          critical?: boolean;
          /** platform, state-operator-dc, own, commercial. */
          hostingKinds?: string[];
          /** Only systems on (true) or off (false) the platform. */
          onPlatform?: boolean;
        };
        /**
         * What each system must achieve: `{ kind: readiness-level, level:
         * ready | conditional }`, `{ kind: platform-status, statuses: [...] }`
         * or `{ kind: checks-pass, checkIds: [...] }`.
         */
        goal: {
          /** readiness-level, platform-status or checks-pass. */
          kind: string;
          /** For readiness-level: ready or conditional. */
          level?: string;
          /** For platform-status: the statuses that count as done. */
          statuses?: string[];
          /** For checks-pass: the readiness checks that must pass. */
          checkIds?: string[];
        };
        /** The first day of the campaign, `YYYY-MM-DD`. */
        startDate: string;
        /**
         * Dated targets, ascending, shares not decreasing, the last 1:
         * `{ date: 2026-03-31, share: 0.3 }` is 30 % by 31 March.
         */
        milestones: Array<{
          /** `YYYY-MM-DD`, due at the end of the day in Asia/Almaty. */
          date: string;
          /** 0..1 of the systems in scope done. */
          share: number;
          /** A name for the milestone in Russian, Kazakh and English. */
          title?: { ru: string; kk: string; en: string };
        }>;
        /** draft, active (default), ended or archived. */
        state?: 'draft' | 'active' | 'ended' | 'archived';
      }>;
    };
    cache?: {
      /**
       * How long each replica serves counts, first pages of lists and the
       * statistics from memory. A sync that writes on the replica clears
       * them at once; another replica's writes show within this time.
       * Defaults to 5 seconds; 0 turns the cache off.
       */
      ttl?: HumanDuration | string;
    };
  };
}
