import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
// The config's own YAML parser; a transitive dependency of the Backstage CLI.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { parse } from 'yaml';
import { readCampaignsConfig } from './readCampaignsConfig';

describe('readCampaignsConfig', () => {
  it('has defaults for everything', () => {
    const config = readCampaignsConfig(new ConfigReader({}));
    expect(config).toMatchObject({
      definitions: [],
      schedule: { frequency: { minutes: 10 } },
      atRiskWorkingDays: 5,
      language: 'ru',
      headsGroup: 'group:default/qaztech-digital-heads',
      digestWeekday: 1,
      readinessEnabled: true,
    });
    expect(config.calendar.holidays).toContain('2026-03-23');
  });

  it('reads the three demo campaigns of app-config.yaml', () => {
    const appConfig = parse(
      readFileSync(resolve(__dirname, '../../../../app-config.yaml'), 'utf8'),
    );
    const config = readCampaignsConfig(new ConfigReader(appConfig));
    expect(
      config.definitions.map(d => [d.id, d.goal.kind, d.milestones.length]),
    ).toEqual([
      ['platform-secured-2026', 'readiness-level', 1],
      ['platform-migration-2026', 'platform-status', 2],
      ['pilot-systems-2027', 'platform-status', 3],
    ]);
  });

  it('stops the backend on a wrong campaign, naming the key and field', () => {
    const read = (definition: object) => () =>
      readCampaignsConfig(
        new ConfigReader({
          registry: { campaigns: { definitions: [definition] } },
        }),
      );
    expect(
      read({
        title: { ru: 'Т', kk: 'Т', en: 'Secured' },
        owner: 'group:default/mcriap',
        scope: {},
        goal: { kind: 'readiness-level', level: 'ready' },
        startDate: '2026-01-01',
        milestones: [{ date: '2026-03-31', share: 0.5 }],
      }),
    ).toThrow(
      'registry.campaigns.definitions[0] is not valid. Invalid campaign: milestones[0].share the last milestone must be 1',
    );
    expect(() =>
      readCampaignsConfig(
        new ConfigReader({
          registry: { campaigns: { notifications: { language: 'de' } } },
        }),
      ),
    ).toThrow('registry.campaigns.notifications.language must be ru, kk or en');
  });

  it('makes an id from the English title when none is given', () => {
    const config = readCampaignsConfig(
      new ConfigReader({
        registry: {
          campaigns: {
            definitions: [
              {
                title: { ru: 'Т', kk: 'Т', en: 'Secured by March' },
                owner: 'group:default/mcriap',
                scope: {},
                goal: { kind: 'readiness-level', level: 'ready' },
                startDate: '2026-01-01',
                milestones: [{ date: '2026-03-31', share: 1 }],
              },
            ],
          },
        },
      }),
    );
    expect(config.definitions[0]).toMatchObject({
      id: 'secured-by-march',
      state: 'active',
    });
  });
});
