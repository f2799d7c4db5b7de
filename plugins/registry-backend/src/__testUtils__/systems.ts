import { RegistryRecord } from '@qaztech/plugin-registry-common';
import { RegistrySystemInput } from '../database/RegistryStore';

/** A valid register record for tests; change what a test is about. */
export function testRecord(overrides: Partial<RegistryRecord> = {}) {
  const record: RegistryRecord = {
    registryNumber: 'ИС-10001',
    title: { ru: 'Тестовая система', kk: 'Сынақ жүйесі', en: 'Test system' },
    purpose: 'Тест.',
    ownerKind: 'state-body',
    parties: {
      owner: { name: 'Министерство', bin: '190740682689' },
    },
    createdAt: '2020-01-01',
    lifecycle: {
      stage: 'industrial-operation',
      history: [{ stage: 'industrial-operation', date: '2020-01-01' }],
    },
    platform: { onPlatform: true },
    hosting: { kind: 'platform', country: 'KZ' },
    classification: {
      critical: false,
      confidentiality: 'medium',
      integrity: 'medium',
      availability: 'medium',
    },
    dataCategories: ['open'],
    ...overrides,
  };
  return record;
}

/** A register row as the sync would write it. */
export function testSystem(
  name: string,
  overrides: Partial<RegistrySystemInput> = {},
): RegistrySystemInput {
  const record = testRecord();
  return {
    entityRef: `system:default/${name}`,
    namespace: 'default',
    name,
    title: { ru: `Система ${name}`, kk: `${name} жүйесі` },
    registryNumber: `ИС-${name}`,
    owner: { ref: 'group:default/mcriap', bin: '190740682689' },
    ownerKind: 'state-body',
    lifecycleStage: 'industrial-operation',
    platformStatus: 'on-platform',
    platformReason: 'The system runs on the QazTech platform.',
    critical: false,
    hostingKind: 'platform',
    hostingCountry: 'KZ',
    dataCategories: ['open'],
    record,
    ...overrides,
  };
}
