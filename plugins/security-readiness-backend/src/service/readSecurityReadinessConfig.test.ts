import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_CHECKS,
  DEFAULT_SCORECARD,
} from '@qaztech/plugin-security-readiness-common';
import { readSecurityReadinessConfig } from './readSecurityReadinessConfig';

const read = (securityReadiness: object) =>
  readSecurityReadinessConfig(new ConfigReader({ securityReadiness }));

const ATTESTED_CHECK = {
  id: 'soc-monitoring',
  area: 'monitoring',
  title: { ru: 'Мониторинг', kk: 'Мониторинг', en: 'Monitoring' },
  remediation: {
    ru: 'Подключите систему к ЦОИБ.',
    kk: 'Жүйені АҚОО-ға қосыңыз.',
    en: 'Connect the system to the SOC.',
  },
  weight: 10,
  evaluation: { kind: 'attestation' },
};

describe('readSecurityReadinessConfig', () => {
  it('applies the defaults: the 13 default checks and the documented values', () => {
    const config = readSecurityReadinessConfig(new ConfigReader({}));
    expect(config.scorecard.checks.map(c => c.id)).toEqual(
      DEFAULT_CHECKS.map(c => c.id),
    );
    expect(config.scorecard.checks).toHaveLength(13);
    expect(config.scorecard.levels).toEqual(DEFAULT_SCORECARD.levels);
    expect(config).toMatchObject({
      schedules: {
        evaluate: { frequency: { hours: 1 } },
        maintenance: { frequency: { hours: 24 } },
      },
      facts: { retentionDays: 400 },
      attestations: { remindDaysBefore: 30 },
      collectors: { http: [] },
      notifications: { language: 'ru' },
    });
  });

  it('reads every option', () => {
    const config = read({
      scorecard: { checks: [ATTESTED_CHECK], attestationValidityMonths: 6 },
      levels: { ready: 9, conditional: 7 },
      schedule: {
        evaluate: { frequency: { minutes: 15 }, timeout: { minutes: 10 } },
        maintenance: { frequency: { cron: '0 3 * * *' }, timeout: 'PT1H' },
      },
      facts: { retentionDays: 90 },
      attestations: { remindDaysBefore: 14 },
      collectors: {
        http: [
          {
            id: 'trivy',
            factType: 'vulnerabilities',
            url: 'https://scanner.example.kz/api/{namespace}/{name}?repo={repository}',
            headers: { Authorization: 'Bearer secret' },
            valuePath: 'summary.counts',
            timeoutMs: 5000,
            concurrency: 8,
          },
          {
            id: 'openssf',
            factType: 'openssf-scorecard',
            url: 'https://api.securityscorecards.dev/projects/{repository}',
          },
        ],
      },
      notifications: { language: 'kk' },
    });
    expect(config.scorecard.checks.map(c => c.id)).toEqual(['soc-monitoring']);
    expect(config.scorecard.levels).toEqual({ ready: 9, conditional: 7 });
    expect(config.scorecard.attestationValidityMonths).toBe(6);
    expect(config.schedules).toMatchObject({
      evaluate: { frequency: { minutes: 15 }, timeout: { minutes: 10 } },
      maintenance: { frequency: { cron: '0 3 * * *' }, timeout: { hours: 1 } },
    });
    expect(config.facts.retentionDays).toBe(90);
    expect(config.attestations.remindDaysBefore).toBe(14);
    expect(config.collectors.http).toEqual([
      {
        id: 'trivy',
        factType: 'vulnerabilities',
        url: 'https://scanner.example.kz/api/{namespace}/{name}?repo={repository}',
        headers: { Authorization: 'Bearer secret' },
        valuePath: 'summary.counts',
        timeoutMs: 5000,
        concurrency: 8,
        allowedHosts: ['scanner.example.kz'],
      },
      {
        id: 'openssf',
        factType: 'openssf-scorecard',
        url: 'https://api.securityscorecards.dev/projects/{repository}',
        timeoutMs: 10000,
        concurrency: 4,
        allowedHosts: ['api.securityscorecards.dev'],
      },
    ]);
    expect(config.notifications.language).toBe('kk');
  });

  it('reads fact sources, the clock skew, allowOwnBody and the collectors’ hosts', () => {
    const defaults = read({});
    expect(defaults.factSources).toEqual([]);
    expect(defaults.allowOwnBody).toBe(false);
    expect(defaults.facts.maxClockSkewMs).toBe(5 * 60_000);

    const config = read({
      allowOwnBody: true,
      facts: { maxClockSkewMinutes: 2 },
      factSources: [
        {
          subject: 'ci-pipeline',
          source: 'ci:gitlab',
          ownerGroups: ['mcriap', 'group:default/MinFin'],
          systems: ['e-license'],
        },
      ],
      collectors: {
        allowedHosts: ['Scanner.example.kz', 'api.example.kz:8443'],
        http: [
          {
            id: 'trivy',
            factType: 'vulnerabilities',
            url: 'https://scanner.example.kz/api/{namespace}/{name}',
          },
        ],
      },
    });
    expect(config.allowOwnBody).toBe(true);
    expect(config.facts.maxClockSkewMs).toBe(2 * 60_000);
    expect(config.factSources).toEqual([
      {
        subject: 'ci-pipeline',
        source: 'ci:gitlab',
        ownerGroups: ['group:default/mcriap', 'group:default/minfin'],
        systems: ['system:default/e-license'],
      },
    ]);
    expect(config.collectors.http[0].allowedHosts).toEqual([
      'scanner.example.kz',
      'api.example.kz:8443',
    ]);
  });

  it.each([
    [
      {
        factSources: [
          { subject: 'ci', source: 'http:trivy', ownerGroups: ['a'] },
        ],
      },
      'securityReadiness.factSources[0].source must be a slug such as ci:gitlab, and not a collector\'s (entity, http:*), got "http:trivy"',
    ],
    [
      { factSources: [{ subject: 'ci', source: 'entity', systems: ['a'] }] },
      'securityReadiness.factSources[0].source must be a slug such as ci:gitlab, and not a collector\'s (entity, http:*), got "entity"',
    ],
    [
      { factSources: [{ subject: 'ci', source: 'ci:x' }] },
      'securityReadiness.factSources[0] must name ownerGroups or systems the token may report on',
    ],
    [
      {
        factSources: [
          { subject: 'ci', source: 'ci:x', ownerGroups: ['user:default/a'] },
        ],
      },
      'securityReadiness.factSources[0].ownerGroups must list group refs, got user:default/a',
    ],
    [
      {
        factSources: [
          { subject: 'ci', source: 'ci:x', systems: ['a'] },
          { subject: 'ci', source: 'ci:y', systems: ['b'] },
        ],
      },
      'securityReadiness.factSources binds subject ci twice',
    ],
    [
      {
        collectors: {
          http: [{ id: 'x', factType: 'y', url: 'https://{name}.evil.kz/a' }],
        },
      },
      'securityReadiness.collectors.http[0].url may not have a placeholder in its host, got "https://{name}.evil.kz/a"',
    ],
    [
      {
        collectors: {
          allowedHosts: ['scanner.example.kz'],
          http: [
            { id: 'x', factType: 'y', url: 'https://other.example.kz/{name}' },
          ],
        },
      },
      'securityReadiness.collectors.http[0].url is on other.example.kz, which securityReadiness.collectors.allowedHosts does not list',
    ],
  ])('refuses %j', (input, message) => {
    expect(() => read(input)).toThrow(message);
  });

  it('overrides only the levels of the default scorecard', () => {
    const config = read({ levels: { ready: 9, conditional: 5 } });
    expect(config.scorecard.checks).toHaveLength(13);
    expect(config.scorecard.levels).toEqual({ ready: 9, conditional: 5 });
  });

  it.each([
    [
      'a check with a wrong weight, by its id',
      { scorecard: { checks: [{ ...ATTESTED_CHECK, weight: -1 }] } },
      "Invalid securityReadiness.scorecard: security-readiness check 'soc-monitoring': weight must be a positive number",
    ],
    [
      'a check with an unknown evaluation kind',
      {
        scorecard: {
          checks: [{ ...ATTESTED_CHECK, evaluation: { kind: 'magic' } }],
        },
      },
      "security-readiness check 'soc-monitoring': evaluation.kind must be one of",
    ],
    [
      'two checks with one id',
      { scorecard: { checks: [ATTESTED_CHECK, ATTESTED_CHECK] } },
      "security-readiness check 'soc-monitoring': id is used by more than one check",
    ],
    [
      'levels the wrong way round',
      { levels: { ready: 5, conditional: 7 } },
      'Invalid securityReadiness.levels: security-readiness scorecard: levels.ready must be above levels.conditional',
    ],
    [
      'a retention of zero days',
      { facts: { retentionDays: 0 } },
      'securityReadiness.facts.retentionDays must be a whole number ≥ 1, got 0',
    ],
    [
      'a fractional reminder',
      { attestations: { remindDaysBefore: 1.5 } },
      'securityReadiness.attestations.remindDaysBefore must be a whole number ≥ 1',
    ],
    [
      'a schedule without a frequency',
      { schedule: { evaluate: { timeout: { minutes: 5 } } } },
      'Invalid securityReadiness.schedule.evaluate',
    ],
    [
      'a collector URL with an unknown placeholder',
      {
        collectors: {
          http: [
            {
              id: 'trivy',
              factType: 'vulnerabilities',
              url: 'https://scanner/{system}',
            },
          ],
        },
      },
      'securityReadiness.collectors.http[0].url has an unknown placeholder {system}',
    ],
    [
      'a collector URL that is not http',
      {
        collectors: {
          http: [
            {
              id: 'trivy',
              factType: 'vulnerabilities',
              url: 'ftp://scanner/x',
            },
          ],
        },
      },
      'securityReadiness.collectors.http[0].url must be an http or https URL',
    ],
    [
      'a collector without a fact type',
      { collectors: { http: [{ id: 'trivy', url: 'https://scanner/x' }] } },
      'Invalid securityReadiness.collectors.http[0]',
    ],
    [
      'a collector with a wrong concurrency',
      {
        collectors: {
          http: [
            {
              id: 'trivy',
              factType: 'vulnerabilities',
              url: 'https://scanner/x',
              concurrency: 0,
            },
          ],
        },
      },
      'securityReadiness.collectors.http[0].concurrency must be a whole number ≥ 1',
    ],
    [
      'two collectors with one id',
      {
        collectors: {
          http: [
            { id: 'trivy', factType: 'vulnerabilities', url: 'https://a/x' },
            { id: 'trivy', factType: 'findings', url: 'https://b/x' },
          ],
        },
      },
      'securityReadiness.collectors.http has two collectors with id trivy',
    ],
    [
      'an unknown language',
      { notifications: { language: 'de' } },
      'securityReadiness.notifications.language must be ru, kk or en',
    ],
  ])('stops start-up on %s', (_what, securityReadiness, message) => {
    expect(() => read(securityReadiness)).toThrow(message);
  });
});
