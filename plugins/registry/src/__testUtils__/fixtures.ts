import { RegistryStats, RegistrySystem } from '../api';

/** A register row as the backend lists it. */
export function registrySystem(
  name: string,
  overrides: Partial<RegistrySystem> = {},
): RegistrySystem {
  return {
    entityRef: `system:default/${name}`,
    namespace: 'default',
    name,
    title: {
      ru: `Система ${name}`,
      kk: `${name} жүйесі`,
      en: `System ${name}`,
    },
    registryNumber: `ИС-${name.length}0001`,
    owner: { ref: 'group:default/mcriap', bin: '190740682689' },
    ownerKind: 'state-body',
    lifecycleStage: 'industrial-operation',
    platformStatus: 'on-platform',
    platformReason: 'the system runs on the platform',
    critical: false,
    hostingKind: 'platform',
    hostingCountry: 'KZ',
    dataCategories: ['personal'],
    updatedAt: '2026-02-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Register statistics over two state bodies. */
export const TWO_BODY_STATS: RegistryStats = {
  total: 5,
  byPlatformStatus: { 'on-platform': 3, violation: 1, exempted: 1 },
  byLifecycleStage: { 'industrial-operation': 4, creation: 1 },
  byOwner: [
    {
      ref: 'group:default/mcriap',
      title: 'Ministry of Digital Development',
      total: 3,
      byPlatformStatus: { 'on-platform': 2, violation: 1 },
    },
    {
      ref: 'group:default/minfin',
      title: 'Ministry of Finance',
      total: 2,
      byPlatformStatus: { 'on-platform': 1, exempted: 1 },
    },
  ],
};
