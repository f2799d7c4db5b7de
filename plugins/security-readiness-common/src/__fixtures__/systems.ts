import type {
  RegistryRecord,
  StateInformationSystemEntity,
} from '@qaztech/plugin-registry-common';
import type { Attestation, Fact, Waiver } from '../types';

export const NOW = new Date('2026-06-15T06:00:00Z');
export const SYSTEM_REF = 'system:default/e-license';

const DAY = 24 * 60 * 60 * 1000;

/** An instant `days` before NOW. */
export const daysAgo = (days: number) =>
  new Date(NOW.getTime() - days * DAY).toISOString();

/** An instant `days` after NOW. */
export const daysAhead = (days: number) => daysAgo(-days);

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

export function makeSystem(
  overrides: Partial<RegistryRecord> = {},
  /** `null`: the system does not publish its release version. */
  releaseVersion: string | null = '3.2.0',
): StateInformationSystemEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'e-license',
      namespace: 'default',
      annotations: releaseVersion
        ? { 'qaztech.kz/release-version': releaseVersion }
        : {},
    },
    spec: {
      type: 'state-information-system',
      owner: 'group:default/mcriap',
      registry: makeRecord(overrides),
    },
  };
}

export function fact(
  type: string,
  value: Fact['value'],
  observedDaysAgo = 1,
): Fact {
  return {
    systemRef: SYSTEM_REF,
    type,
    source: 'ci:test',
    observedAt: daysAgo(observedDaysAgo),
    value,
  };
}

/** Facts under which every automatic check of the default scorecard passes. */
export function passingFacts(): Fact[] {
  return [
    fact('findings', { findings: [] }),
    fact('openssf-scorecard', {
      score: 10,
      checks: [
        'Branch-Protection',
        'Code-Review',
        'SAST',
        'Pinned-Dependencies',
        'Dependency-Update-Tool',
        'SBOM',
        'Dangerous-Workflow',
        'Token-Permissions',
        'Binary-Artifacts',
      ].map(name => ({ name, score: 10 })),
    }),
    fact('vulnerabilities', { critical: 0, high: 0, medium: 3, low: 7 }),
    fact('tls-probe', { approvedCrypto: true, governmentIdpLogin: true }),
  ];
}

export function attest(
  checkId: string,
  result: Attestation['result'] = 'pass',
  attestedDaysAgo = 10,
  extra: Partial<Attestation> = {},
): Attestation {
  const attestedAt = daysAgo(attestedDaysAgo);
  return {
    id: `att-${checkId}-${attestedDaysAgo}`,
    systemRef: SYSTEM_REF,
    checkId,
    result,
    evidence: { url: 'https://docs.example.kz/evidence.pdf' },
    attestedBy: 'user:default/officer',
    attestedAt,
    expiresAt: new Date(
      Date.parse(attestedAt) + 365 * 24 * 60 * 60 * 1000,
    ).toISOString(),
    ...extra,
  };
}

/** Attestations under which every manual check of the default scorecard passes. */
export function passingAttestations(): Attestation[] {
  return [
    attest('security-governance'),
    attest('soc-monitoring'),
    attest('restore-and-exercise', 'pass', 10, {
      evidence: {
        notes: 'restore test',
        performedOn: daysAgo(20).slice(0, 10),
      },
    }),
  ];
}

export function waiver(checkId: string, extra: Partial<Waiver> = {}): Waiver {
  return {
    id: `w-${checkId}`,
    systemRef: SYSTEM_REF,
    checkId,
    justification: 'SOC contract being signed',
    requestedBy: 'user:default/dev',
    requestedAt: daysAgo(5),
    expiresAt: daysAhead(30),
    status: 'granted',
    decidedBy: 'user:default/officer',
    decidedAt: daysAgo(4),
    ...extra,
  };
}
