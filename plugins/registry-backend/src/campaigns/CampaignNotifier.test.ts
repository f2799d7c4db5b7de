import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
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

describe('CampaignNotifier', () => {
  it('writes in Russian and Kazakh', async () => {
    const sent: NotificationSendOptions[] = [];
    for (const language of ['ru', 'kk'] as const) {
      const notifier = new CampaignNotifier({
        notifications: {
          async send(n) {
            sent.push(n);
          },
        },
        logger: mockServices.logger.mock(),
        language,
      });
      await notifier.send({
        campaignId: 'platform-migration-2026',
        recipients: ['group:default/minfin', 'group:default/minfin'],
        scope: 'system:default/budget',
        severity: 'high',
        message: {
          kind: 'system-late',
          campaignTitle: 'Переход',
          systemTitle: 'Бюджет',
          milestoneDate: '2026-03-31',
          milestoneShare: 0.3,
          action: 'перейти на платформу',
        },
      });
    }
    expect(sent.map(n => n.payload.title)).toEqual([
      'Срок пропущен: Бюджет',
      'Мерзім өтіп кетті: Бюджет',
    ]);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: ['group:default/minfin'] },
      payload: {
        description:
          'Кампания «Переход»: к 31.03.2026 должно было быть выполнено 30 % систем; ваш орган отстаёт, система «Бюджет» не выполнена. Что сделать: перейти на платформу.',
        scope:
          'registry:campaign:platform-migration-2026:system:default/budget',
        topic: 'registry-campaigns',
      },
    });
  });

  it('logs and swallows a failure to send, and sends nothing to nobody', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new CampaignNotifier({
      notifications: {
        async send() {
          throw new Error('notifications backend down');
        },
      },
      logger,
      language: 'en',
    });
    const message = {
      kind: 'late-bodies' as const,
      campaignTitle: 'Migration',
      bodies: [{ title: 'Minfin', share: 0.2 }],
    };
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
