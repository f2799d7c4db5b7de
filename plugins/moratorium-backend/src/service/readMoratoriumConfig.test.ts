import { ConfigReader } from '@backstage/config';
import { DEFAULT_HOLIDAYS } from '@qaztech/plugin-moratorium-common';
import { readMoratoriumConfig } from './readMoratoriumConfig';

describe('readMoratoriumConfig', () => {
  it('applies the defaults', () => {
    expect(readMoratoriumConfig(new ConfigReader({}))).toEqual({
      deadlines: {
        submitted: 3,
        'platform-review': 10,
        'ministry-review': 10,
        'info-requested': 10,
        deferred: 20,
      },
      reminderWorkingDays: 2,
      calendar: { holidays: DEFAULT_HOLIDAYS, zone: 'Asia/Almaty' },
      commissionGroups: ['group:default/qaztech-commission-members'],
      commissionRules: { quorum: 0.5, majority: 0.5 },
      secretaryGroups: ['group:default/qaztech-commission-secretaries'],
      language: 'ru',
      revokeOnMissed: true,
      publicRecord: true,
      idempotencyRetentionHours: 72,
      removedSystemGraceHours: 24,
      ballotOpenBeforeDecision: false,
      limits: { maxExemptionMonths: 36, maxDeferrals: 2 },
    });
  });

  it('reads every option', () => {
    const config = readMoratoriumConfig(
      new ConfigReader({
        moratorium: {
          deadlines: { 'platform-review': 20, reminderWorkingDays: 3 },
          holidays: ['2026-01-01'],
          commission: {
            groups: ['group:default/commission'],
            quorum: 0.66,
            majority: 0.66,
          },
          secretaryGroups: ['group:default/secretariat'],
          notifications: { language: 'kk' },
          conditions: { revokeOnMissed: false },
          idempotency: { retentionHours: 24 },
          removedSystems: { graceHours: 0 },
          ballot: { openBeforeDecision: true },
          exemption: { maxMonths: 12 },
          maxDeferrals: 0,
        },
      }),
    );
    expect(config).toMatchObject({
      deadlines: { submitted: 3, 'platform-review': 20 },
      reminderWorkingDays: 3,
      calendar: { holidays: ['2026-01-01'] },
      commissionGroups: ['group:default/commission'],
      commissionRules: { quorum: 0.66, majority: 0.66 },
      secretaryGroups: ['group:default/secretariat'],
      language: 'kk',
      revokeOnMissed: false,
      idempotencyRetentionHours: 24,
      removedSystemGraceHours: 0,
      ballotOpenBeforeDecision: true,
      limits: { maxExemptionMonths: 12, maxDeferrals: 0 },
    });
  });

  it.each([
    [
      { exemption: { maxMonths: 0 } },
      'moratorium.exemption.maxMonths must be at least 1',
    ],
    [{ maxDeferrals: -1 }, 'moratorium.maxDeferrals must be a whole number'],
    [
      { deadlines: { review: 5 } },
      'moratorium.deadlines.review is not a request state',
    ],
    [
      { deadlines: { submitted: 1.5 } },
      'moratorium.deadlines.submitted must be a whole number',
    ],
    [
      { holidays: ['1 May'] },
      'moratorium.holidays must list dates written YYYY-MM-DD, got "1 May"',
    ],
    [
      { commission: { majority: 1 } },
      'moratorium.commission.majority must be at least 0 and below 1',
    ],
    [
      { commission: { quorum: 2 } },
      'moratorium.commission.quorum must be at least 0 and at most 1',
    ],
    [
      { idempotency: { retentionHours: 0 } },
      'moratorium.idempotency.retentionHours must be at least 1, got 0',
    ],
    [
      { removedSystems: { graceHours: -1 } },
      'moratorium.removedSystems.graceHours must be a whole number ≥ 0, got -1',
    ],
    [
      { notifications: { language: 'de' } },
      'moratorium.notifications.language must be ru, kk or en',
    ],
  ])('refuses %j', (moratorium, message) => {
    expect(() =>
      readMoratoriumConfig(new ConfigReader({ moratorium })),
    ).toThrow(message);
  });
});
