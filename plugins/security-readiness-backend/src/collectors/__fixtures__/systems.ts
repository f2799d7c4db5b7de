import type {
  RegistryRecord,
  StateInformationSystemEntity,
} from '@qaztech/plugin-registry-common';

/** The instant the tests evaluate at. */
export const NOW = new Date('2026-06-15T06:00:00Z');

const DAY = 24 * 60 * 60 * 1000;

/** An instant `days` before NOW. */
export const daysAgo = (days: number) =>
  new Date(NOW.getTime() - days * DAY).toISOString();

/** A complete record of a system in industrial operation on the platform. */
export function makeRecord(
  overrides: Partial<RegistryRecord> = {},
): RegistryRecord {
  return {
    registryNumber: 'ИС-10001',
    title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау', en: 'E-licensing' },
    purpose: 'Issuing licences online',
    legalBasis: { actType: 'resolution', number: '1076', date: '2012-02-25' },
    ownerKind: 'state-body',
    parties: {
      owner: { name: 'Ministry', bin: '190740682689' },
      operator: { name: 'NIT', bin: '000340112436' },
    },
    securityOfficer: 'user:default/officer',
    createdAt: '2012-03-01',
    lifecycle: {
      stage: 'industrial-operation',
      history: [
        { stage: 'planned', date: '2012-03-01' },
        { stage: 'industrial-operation', date: '2013-03-01' },
      ],
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
    securityTestAct: {
      number: 'ГТС-2025/1',
      date: '2025-01-17',
      version: '3.2.0',
    },
    ...overrides,
  };
}

/** A registry system named `name`, owned by the group `owner`. */
export function makeSystem(
  name: string,
  options: {
    record?: Partial<RegistryRecord>;
    owner?: string;
    annotations?: Record<string, string>;
  } = {},
): StateInformationSystemEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'qaztech.kz/release-version': '3.2.0',
        ...options.annotations,
      },
    },
    spec: {
      type: 'state-information-system',
      owner: options.owner ?? 'group:default/mcriap',
      registry: makeRecord(options.record),
    },
  };
}
