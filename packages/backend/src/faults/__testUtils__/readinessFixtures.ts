import { Entity } from '@backstage/catalog-model';

/** The state body that owns the readiness fault tests' systems. */
export const READINESS_OWNER = 'group:default/mcriap';

/**
 * A registry system in industrial operation with a complete record, as the
 * readiness engine scores it.
 */
export function readinessSystem(name: string, index: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'qaztech.kz/release-version': '3.2.0' },
    },
    spec: {
      type: 'state-information-system',
      owner: READINESS_OWNER,
      registry: {
        registryNumber: `ИС-${30000 + index}`,
        title: { ru: `Система ${index}`, kk: `Жүйе ${index}` },
        purpose: 'Issuing licences online',
        legalBasis: {
          actType: 'resolution',
          number: '1076',
          date: '2012-02-25',
        },
        ownerKind: 'state-body',
        parties: {
          owner: { name: 'Ministry', bin: '190740682689' },
          operator: { name: 'NIT', bin: '000340112436' },
        },
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
      },
    },
  };
}

/** The state body Group of the readiness systems. */
export const READINESS_GROUP: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'mcriap', namespace: 'default' },
  spec: { type: 'state-body', children: [] },
};
