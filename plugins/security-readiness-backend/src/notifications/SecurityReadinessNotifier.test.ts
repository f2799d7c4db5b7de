import { mockServices } from '@backstage/backend-test-utils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { LocalizedNotificationService } from '@qaztech/plugin-registry-node';
import {
  DEFAULT_SCORECARD,
  ScorecardResult,
  SignOff,
} from '@qaztech/plugin-security-readiness-common';
import {
  SecurityReadinessNotifier,
  scorecardLink,
} from './SecurityReadinessNotifier';

/** Records what would be sent, in the configured language, to the refs as given. */
function recordingSender(
  send: (n: NotificationSendOptions) => Promise<void>,
): LocalizedNotificationService {
  return {
    async send({ recipients, render, defaultLanguage = 'ru' }) {
      await send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: render(defaultLanguage),
      });
      return { [defaultLanguage]: recipients };
    },
  };
}

describe('scorecardLink', () => {
  it('points at the scorecard tab the frontend mounts on System pages', () => {
    expect(scorecardLink('system:default/e-license')).toBe(
      '/catalog/default/system/e-license/security-readiness',
    );
    expect(scorecardLink('system:gov-kz/e-otinish')).toBe(
      '/catalog/gov-kz/system/e-otinish/security-readiness',
    );
  });
});

describe('SecurityReadinessNotifier', () => {
  function setup(language: 'ru' | 'kk' | 'en' = 'en') {
    const sent: NotificationSendOptions[] = [];
    const notifier = new SecurityReadinessNotifier({
      sender: recordingSender(async notification => {
        sent.push(notification);
      }),
      logger: mockServices.logger.mock(),
      language,
      scorecard: DEFAULT_SCORECARD,
    });
    return { sent, notifier };
  }

  const signOff: SignOff = {
    id: 's1',
    systemRef: 'system:default/e-license',
    level: 'ready',
    score: 9.2,
    signedBy: 'user:default/officer',
    signedAt: '2026-03-01T00:00:00.000Z',
    evidenceHash: 'h',
    results: [],
  };
  const current: ScorecardResult = {
    systemRef: 'system:default/e-license',
    score: 7.4,
    level: 'conditional',
    gatesFailed: [],
    checks: [],
    evaluatedAt: '2026-03-10T00:00:00.000Z',
  };

  it('sends a drop to the owner and the signing officer, linking the scorecard tab', async () => {
    const { sent, notifier } = setup();
    await notifier.signOffDropped(signOff, current, {
      ownerRef: 'group:default/mcriap',
      title: 'E-licensing',
    });
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/mcriap', 'user:default/officer'],
        },
        payload: {
          title: 'Readiness dropped: E-licensing',
          description:
            '"E-licensing" was signed off as ready; it is now conditionally ready (score 7.4). See what changed on its readiness scorecard.',
          link: '/catalog/default/system/e-license/security-readiness',
          topic: 'security-readiness',
          scope:
            'security-readiness:system:default/e-license:signoff-dropped:s1',
          severity: 'high',
        },
      },
    ]);
  });

  it('reminds the owner of an expiring attestation, linking the scorecard tab', async () => {
    const { sent, notifier } = setup('kk');
    await notifier.attestationExpiring(
      {
        id: 'a1',
        systemRef: 'system:default/e-license',
        checkId: 'soc-monitoring',
        result: 'pass',
        evidence: {},
        attestedBy: 'user:default/officer',
        attestedAt: '2025-04-01T00:00:00.000Z',
        expiresAt: '2026-04-01T00:00:00.000Z',
      },
      { ownerRef: 'group:default/mcriap', title: 'Е-лицензиялау' },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: ['group:default/mcriap'],
    });
    expect(sent[0].payload).toMatchObject({
      link: '/catalog/default/system/e-license/security-readiness',
      severity: 'normal',
    });
    expect(sent[0].payload.description).toContain('01.04.2026');
  });

  it('logs and swallows a failure to send', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new SecurityReadinessNotifier({
      sender: recordingSender(async () => {
        throw new Error('notifications backend down');
      }),
      logger,
      language: 'ru',
      scorecard: DEFAULT_SCORECARD,
    });
    await expect(
      notifier.signOffDropped(signOff, current, {
        ownerRef: 'group:default/mcriap',
        title: 'Е-лицензирование',
      }),
    ).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not send a security readiness notification',
      expect.objectContaining({ notification: 'signoff-dropped' }),
    );
  });
});
