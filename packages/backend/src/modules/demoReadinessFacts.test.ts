import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  DEFAULT_SCORECARD,
  evaluateScorecard,
} from '@qaztech/plugin-security-readiness-common';
import { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import { securityReadinessCollectorsExtensionPoint } from '@qaztech/plugin-security-readiness-node';
import { parseAllDocuments } from 'yaml';
import {
  DEMO_FACTS_SOURCE,
  DemoFactCollector,
  readDemoFacts,
  securityReadinessModuleDemoFacts,
} from './demoReadinessFacts';

const root = resolve(__dirname, '../../../..');
const FACTS_FILE = resolve(root, 'examples/readiness/facts.yaml');

async function demoSystem(name: string) {
  const text = await readFile(
    resolve(root, 'examples/systems/state-information-systems.yaml'),
    'utf8',
  );
  const entity = parseAllDocuments(text)
    .map(doc => doc.toJSON())
    .find(e => e?.kind === 'System' && e.metadata.name === name);
  if (!entity) {
    throw new Error(`no demo system ${name}`);
  }
  return entity as StateInformationSystemEntity;
}

describe('the demo fact collector', () => {
  const now = new Date('2026-11-27T06:00:00Z');

  it('reports each fact of a listed system as observed now, with findings dated back', async () => {
    const collector = new DemoFactCollector(await readDemoFacts(FACTS_FILE));
    const facts = await collector.collect({
      systems: [await demoSystem('gbd-fl'), await demoSystem('lis')],
      now,
    });

    expect(facts.map(f => f.type).sort()).toEqual([
      'findings',
      'openssf-scorecard',
      'tls-probe',
      'vulnerabilities',
    ]);
    expect(new Set(facts.map(f => f.systemRef))).toEqual(
      new Set(['system:default/gbd-fl']),
    );
    const findings = facts.find(f => f.type === 'findings')!;
    expect(findings).toMatchObject({
      source: DEMO_FACTS_SOURCE,
      observedAt: now.toISOString(),
    });
    expect((findings.value as any).findings[0]).toEqual({
      id: 'GBDFL-77',
      severity: 'high',
      openedAt: '2026-09-24T06:00:00.000Z',
    });
  });

  // The browser test (e2e/tests/readiness.spec.ts) counts on this: an
  // officer's attestation of security governance makes the career navigator
  // (of mintrud, a body neither demo officer belongs to) ready, 8.1 → 8.9.
  it('leaves the career navigator conditionally ready until security governance is attested', async () => {
    const entity = await demoSystem('navigator-professii');
    const collector = new DemoFactCollector(await readDemoFacts(FACTS_FILE));
    const facts = await collector.collect({ systems: [entity], now });

    const before = evaluateScorecard({
      entity,
      scorecard: DEFAULT_SCORECARD,
      facts,
      now,
    });
    expect(before.level).toBe('conditional');

    const after = evaluateScorecard({
      entity,
      scorecard: DEFAULT_SCORECARD,
      facts,
      attestations: [
        {
          id: 'a1',
          systemRef: 'system:default/navigator-professii',
          checkId: 'security-governance',
          result: 'pass',
          evidence: { notes: 'Приказ о назначении ответственного за ИБ' },
          attestedBy: 'user:default/arman.kenzhebekov',
          attestedAt: now.toISOString(),
          expiresAt: '2027-11-27T06:00:00.000Z',
        },
      ],
      now,
    });
    expect(after.level).toBe('ready');
    expect([before.score, after.score]).toEqual([8.1, 8.9]);
  });

  it('refuses to start in production', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    // A stand-in for the security readiness plugin that owns the extension
    // point: the module is refused before it adds anything.
    const host = createBackendPlugin({
      pluginId: 'security-readiness',
      register(reg) {
        reg.registerExtensionPoint(securityReadinessCollectorsExtensionPoint, {
          addCollector() {},
        });
        reg.registerInit({ deps: {}, async init() {} });
      },
    });
    try {
      await expect(
        startTestBackend({
          features: [
            mockServices.rootConfig.factory({
              data: { qaztech: { demo: { readinessFacts: FACTS_FILE } } },
            }),
            host,
            securityReadinessModuleDemoFacts,
          ],
        }),
      ).rejects.toThrow(
        /qaztech\.demo\.readinessFacts feeds made-up security facts and is refused in production/,
      );
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });
});
