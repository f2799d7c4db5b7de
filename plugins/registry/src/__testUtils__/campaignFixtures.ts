import type {
  Campaign,
  CampaignProgress,
  CampaignSummary,
} from '@qaztech/plugin-registry-common';

/** The demo migration campaign: 30 % by the end of March, all by September. */
export function migrationCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'migration-2026',
    title: {
      ru: 'Перевод ведомственных систем на платформу',
      kk: 'Ведомстволық жүйелерді платформаға көшіру',
      en: 'Departmental systems migrated to the platform',
    },
    owner: 'group:default/qaztech-operator',
    scope: { lifecycleStages: ['industrial-operation'] },
    goal: { kind: 'platform-status', statuses: ['on-platform', 'exempted'] },
    startDate: '2026-01-01',
    milestones: [
      { date: '2026-03-31', share: 0.3 },
      { date: '2026-09-30', share: 1 },
    ],
    state: 'active',
    source: 'config',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The demo security campaign, as the campaigns list returns it. */
export function securityCampaignSummary(): CampaignSummary {
  return {
    id: 'secured-2026',
    title: {
      ru: 'Все системы платформы защищены',
      kk: 'Платформаның барлық жүйелері қорғалған',
      en: 'Every platform system secured',
    },
    owner: 'user:default/yerzhan.baizhanov',
    scope: { onPlatform: true },
    goal: { kind: 'readiness-level', level: 'ready' },
    startDate: '2026-01-01',
    milestones: [{ date: '2026-03-31', share: 1 }],
    state: 'draft',
    source: 'app',
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * The migration campaign on 2026-04-10: the first milestone has passed,
 * Minfin is late (1 of 4), the akimat at risk, MCRIAP done.
 */
export function migrationProgress(
  overrides: Partial<CampaignProgress> = {},
): CampaignProgress {
  return {
    campaign: migrationCampaign(),
    status: 'late',
    share: 4 / 9,
    total: 9,
    done: 4,
    requiredShare: 0.3,
    nextMilestone: { date: '2026-09-30', share: 1 },
    computedAt: '2026-04-10T05:00:00.000Z',
    bodies: [
      {
        stateBodyRef: 'group:default/mcriap',
        title: 'Ministry of Digital Development',
        responsible: ['user:default/aigerim'],
        total: 2,
        done: 2,
        share: 1,
        status: 'done',
      },
      {
        stateBodyRef: 'group:default/akimat-almaty',
        title: 'Akimat of Almaty',
        responsible: [],
        total: 3,
        done: 1,
        share: 1 / 3,
        status: 'on-track',
      },
      {
        stateBodyRef: 'group:default/minfin',
        title: 'Ministry of Finance',
        responsible: ['user:default/daulet', 'user:default/saule'],
        total: 4,
        done: 1,
        share: 0.25,
        status: 'late',
      },
    ],
    systems: {
      items: [
        {
          entityRef: 'system:default/tax',
          title: {
            ru: 'Налоговая система',
            kk: 'Салық жүйесі',
            en: 'Tax system',
          },
          stateBodyRef: 'group:default/minfin',
          status: 'late',
          done: false,
          whatToDo: {
            code: 'move-to-platform',
            values: {
              statuses: ['on-platform', 'exempted'],
              current: 'legacy-migrating',
            },
          },
        },
        {
          entityRef: 'system:default/portal',
          title: {
            ru: 'Веб-портал',
            kk: 'Веб-портал',
            en: 'E-Government Portal',
          },
          stateBodyRef: 'group:default/mcriap',
          status: 'done',
          done: true,
          whatToDo: { code: 'done' },
        },
      ],
      totalCount: 9,
      nextCursor: 'page-2',
    },
    history: [
      { date: '2026-03-01', total: 9, done: 1, share: 1 / 9 },
      { date: '2026-04-01', total: 9, done: 2, share: 2 / 9 },
      { date: '2026-04-10', total: 9, done: 4, share: 4 / 9 },
    ],
    ...overrides,
  };
}
