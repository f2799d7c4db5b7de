import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { LocalizedNotificationSender } from '@qaztech/plugin-registry-node';
import { CampaignNotifier, campaignLink } from './CampaignNotifier';

describe('campaignLink', () => {
  it('points at the campaign page, narrowed to a body when given', () => {
    expect(campaignLink('platform-migration-2026')).toBe(
      '/registry/campaigns/platform-migration-2026',
    );
    expect(campaignLink('m', 'group:default/minfin')).toBe(
      '/registry/campaigns/m?stateBody=group%3Adefault%2Fminfin',
    );
  });
});

function setup(options: {
  send?: (n: NotificationSendOptions) => Promise<void>;
  languages?: Record<string, 'ru' | 'kk' | 'en'>;
}) {
  const sent: NotificationSendOptions[] = [];
  const logger = mockServices.logger.mock();
  const notifier = new CampaignNotifier({
    sender: new LocalizedNotificationSender({
      notifications: {
        send:
          options.send ??
          (async n => {
            sent.push(n);
          }),
      },
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'minfin', namespace: 'default' },
            spec: { type: 'state-body' },
            relations: [
              { type: 'hasMember', targetRef: 'user:default/daulet' },
              { type: 'hasMember', targetRef: 'user:default/aigerim' },
            ],
          },
        ],
      }),
      auth: mockServices.auth(),
      languages: { getLanguages: async () => options.languages ?? {} },
      logger,
    }),
    logger,
    language: 'ru',
  });
  return { sent, notifier, logger };
}

describe('CampaignNotifier', () => {
  it('writes to each member of a body in the language they picked', async () => {
    const { sent, notifier } = setup({
      languages: { 'user:default/aigerim': 'kk' },
    });
    await expect(
      notifier.send({
        campaignId: 'platform-migration-2026',
        recipients: ['group:default/minfin', 'group:default/minfin'],
        scope: 'system:default/budget',
        severity: 'high',
        message: language => ({
          kind: 'system-late',
          campaignTitle: { ru: 'Переход', kk: 'Көшу', en: 'Move' }[language],
          systemTitle: 'Бюджет',
          milestoneDate: '2026-03-31',
          milestoneShare: 0.3,
          action:
            language === 'kk' ? 'платформаға көшу' : 'перейти на платформу',
        }),
      }),
    ).resolves.toBe(true);
    expect(sent.map(n => [n.recipients, n.payload.title])).toEqual([
      [
        { type: 'entity', entityRef: ['user:default/daulet'] },
        'Срок пропущен: Бюджет',
      ],
      [
        { type: 'entity', entityRef: ['user:default/aigerim'] },
        'Мерзім өтіп кетті: Бюджет',
      ],
    ]);
    expect(sent.find(n => n.payload.title.startsWith('Срок'))).toMatchObject({
      payload: {
        description:
          'Кампания «Переход»: к 31.03.2026 должно было быть выполнено 30 % систем; ваш орган отстаёт, система «Бюджет» не выполнена. Что сделать: перейти на платформу.',
        scope:
          'registry:campaign:platform-migration-2026:system:default/budget',
        topic: 'registry-campaigns',
        link: '/registry/campaigns/platform-migration-2026',
      },
    });
    expect(
      sent.find(n => n.payload.title.startsWith('Мерзім'))!.payload.description,
    ).toContain('«Көшу» науқаны');
  });

  it('logs and swallows a failure to send, and sends nothing to nobody', async () => {
    const { notifier, logger } = setup({
      send: async () => {
        throw new Error('notifications backend down');
      },
    });
    const message = () => ({
      kind: 'late-bodies' as const,
      campaignTitle: 'Migration',
      bodies: [{ title: 'Minfin', share: 0.2 }],
    });
    await expect(
      notifier.send({
        campaignId: 'm',
        recipients: ['user:default/minister'],
        scope: 'late-bodies',
        severity: 'high',
        message,
      }),
    ).resolves.toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not send a campaign notification',
      expect.objectContaining({ notification: 'late-bodies' }),
    );
    await expect(
      notifier.send({
        campaignId: 'm',
        recipients: [],
        scope: 'x',
        severity: 'high',
        message,
      }),
    ).resolves.toBe(false);
  });
});
