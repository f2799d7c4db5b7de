import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CAMPAIGN_STATES,
  CampaignState,
  DEFAULT_HOLIDAYS,
  MORATORIUM_DEADLINE_ZONE,
  WorkingCalendar,
  campaignIdFromTitle,
  describeCampaignProblems,
  isCalendarDate,
  validateCampaign,
} from '@qaztech/plugin-registry-common';
import { CampaignWrite } from '../database/CampaignStore';

/** The language of notifications. */
export type NotificationLanguage = 'ru' | 'kk' | 'en';

/** What the campaigns part of the plugin reads from `registry.campaigns`. */
export type CampaignsConfig = {
  definitions: CampaignWrite[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  atRiskWorkingDays: number;
  calendar: WorkingCalendar;
  language: NotificationLanguage;
  /** The Group whose members are digitalization heads. */
  headsGroup: string;
  /** ISO weekday (1 Monday … 7 Sunday) of the weekly digest. */
  digestWeekday: number;
  /** Whether to read readiness from the security readiness plugin. */
  readinessEnabled: boolean;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

function fail(key: string, message: string): never {
  throw new Error(`registry.campaigns.${key} ${message}`);
}

/**
 * Reads `registry.campaigns`; every default is here. A wrong value stops
 * the backend at start-up with a message naming the key.
 */
export function readCampaignsConfig(root: Config): CampaignsConfig {
  const config = root.getOptionalConfig('registry.campaigns');
  const definitions = (config?.getOptionalConfigArray('definitions') ?? []).map(
    (entry, index) => {
      const raw = entry.get<Record<string, unknown>>();
      const problems = validateCampaign(raw);
      if (problems.length) {
        fail(
          `definitions[${index}]`,
          `is not valid. ${describeCampaignProblems(problems)}`,
        );
      }
      const state = (raw.state as CampaignState | undefined) ?? 'active';
      if (!CAMPAIGN_STATES.includes(state)) {
        fail(
          `definitions[${index}].state`,
          `must be one of ${CAMPAIGN_STATES.join(', ')}`,
        );
      }
      const input = raw as unknown as Omit<CampaignWrite, 'state' | 'id'> & {
        id?: string;
      };
      return {
        ...input,
        id: input.id ?? campaignIdFromTitle(input.title.en),
        state,
      } as CampaignWrite;
    },
  );
  const ids = definitions.map(d => d.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    fail('definitions', `names the campaign id ${duplicate} twice`);
  }

  const atRiskWorkingDays = config?.getOptionalNumber('atRiskWorkingDays') ?? 5;
  if (!Number.isInteger(atRiskWorkingDays) || atRiskWorkingDays < 0) {
    fail(
      'atRiskWorkingDays',
      'must be a whole number of working days, 0 or more',
    );
  }
  const holidays =
    config?.getOptionalStringArray('holidays') ?? DEFAULT_HOLIDAYS;
  const wrong = holidays.find(day => !isCalendarDate(day));
  if (wrong) {
    fail(
      'holidays',
      `must list dates written YYYY-MM-DD, got ${JSON.stringify(wrong)}`,
    );
  }
  const language = config?.getOptionalString('notifications.language') ?? 'ru';
  if (!['ru', 'kk', 'en'].includes(language)) {
    fail(
      'notifications.language',
      `must be ru, kk or en, got ${JSON.stringify(language)}`,
    );
  }
  const digestWeekday =
    config?.getOptionalNumber('notifications.digestWeekday') ?? 1;
  if (
    !Number.isInteger(digestWeekday) ||
    digestWeekday < 1 ||
    digestWeekday > 7
  ) {
    fail('notifications.digestWeekday', 'must be 1 (Monday) to 7 (Sunday)');
  }
  const scheduleConfig = config?.getOptionalConfig('schedule');

  return {
    definitions,
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE,
    atRiskWorkingDays,
    calendar: { holidays: [...holidays], zone: MORATORIUM_DEADLINE_ZONE },
    language: language as NotificationLanguage,
    headsGroup:
      config?.getOptionalString('notifications.headsGroup') ??
      'group:default/qaztech-digital-heads',
    digestWeekday,
    readinessEnabled: config?.getOptionalBoolean('readiness.enabled') ?? true,
  };
}
