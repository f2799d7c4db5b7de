import { Entity } from '@backstage/catalog-model';
import registryRecordSchema from './schema/registryRecord.schema.json';
import {
  CIA_LEVELS,
  DATA_CATEGORIES,
  HOSTING_KINDS,
  INTEGRATION_CHANNELS,
  LEGAL_ACT_TYPES,
  LIFECYCLE_STAGES,
  OWNER_KINDS,
} from './types';
import { isStateInformationSystem } from './isStateInformationSystem';
import { validateRegistrySystem } from './validateRegistrySystem';
import { demoSystem, demoSystems } from './__testUtils__/demoData';

/** A demo system with one change made to it. */
function changed(
  name: string,
  change: (registry: any, entity: Entity) => void,
) {
  const entity = demoSystem(name);
  change(entity.spec!.registry, entity);
  return entity;
}

describe('validateRegistrySystem', () => {
  it('accepts every state information system in the demo data', () => {
    const systems = demoSystems();
    expect(systems).toHaveLength(87);
    for (const system of systems) {
      const result = validateRegistrySystem(system);
      expect({ name: system.metadata.name, result }).toEqual({
        name: system.metadata.name,
        result: { valid: true, record: system.spec!.registry },
      });
      expect(isStateInformationSystem(system)).toBe(true);
    }
  });

  it.each<[string, Entity, Array<{ path: string; message: string }>]>([
    [
      'a БИН with a wrong check digit',
      changed('shep', r => {
        r.parties.owner.bin = '190740682680';
      }),
      [
        {
          path: 'spec.registry.parties.owner.bin',
          message: 'БИН 190740682680 has a wrong check digit (expected 9)',
        },
      ],
    ],
    [
      'a БИН that is not 12 digits',
      changed('shep', r => {
        r.parties.operator.bin = '00034011243';
      }),
      [
        {
          path: 'spec.registry.parties.operator.bin',
          message: 'БИН must be exactly 12 digits, got "00034011243"',
        },
      ],
    ],
    [
      'a date that is not on the calendar',
      changed('shep', r => {
        r.createdAt = '2026-02-30';
      }),
      [
        {
          path: 'spec.registry.createdAt',
          message: '"2026-02-30" is not a calendar date in the form YYYY-MM-DD',
        },
      ],
    ],
    [
      'a lifecycle history out of date order',
      changed('portal-elektronnogo-pravitelstva', r => {
        r.lifecycle.history[2].date = '2006-09-01';
      }),
      [
        {
          path: 'spec.registry.lifecycle.history[2].date',
          message:
            '2006-09-01 is earlier than the entry before it (2006-10-02); the history must be in date order',
        },
      ],
    ],
    [
      'a lifecycle history that does not end with the current stage',
      changed('portal-elektronnogo-pravitelstva', r => {
        r.lifecycle.stage = 'industrial-operation';
      }),
      [
        {
          path: 'spec.registry.lifecycle.stage',
          message:
            'is industrial-operation, but the history ends with development; the last history entry must be the current stage',
        },
      ],
    ],
    [
      'an unknown lifecycle stage',
      changed('shep', r => {
        r.lifecycle.stage = 'production';
      }),
      [
        {
          path: 'spec.registry.lifecycle.stage',
          message:
            'must be one of planned, creation, pilot-operation, industrial-operation, development, decommissioned, got "production"',
        },
      ],
    ],
    [
      'an exemption that expires before it was decided',
      changed('agromonitoring', r => {
        r.platform.exemption.expiresAt = '2026-02-26';
      }),
      [
        {
          path: 'spec.registry.platform.exemption.expiresAt',
          message: '2026-02-26 must be after the decision date 2026-02-26',
        },
      ],
    ],
    [
      'a system on the platform with a migration plan',
      changed('e-litsenzirovanie', r => {
        r.platform.onPlatform = true;
      }),
      [
        {
          path: 'spec.registry.platform.migration',
          message:
            'must be absent when onPlatform is true: a system on the platform has nothing to migrate',
        },
      ],
    ],
    [
      'a system on the platform with an exemption',
      changed('agromonitoring', r => {
        r.platform.onPlatform = true;
      }),
      [
        {
          path: 'spec.registry.platform.exemption',
          message:
            'must be absent when onPlatform is true: a system on the platform needs no exemption',
        },
      ],
    ],
    [
      'an owner that is not a Group',
      changed('shep', (_, entity) => {
        entity.spec!.owner = 'user:default/yerzhan.baizhanov';
      }),
      [
        {
          path: 'spec.owner',
          message:
            'must be a reference to the Group of the state body, such as group:default/mcriap, got "user:default/yerzhan.baizhanov"',
        },
      ],
    ],
    [
      'a security officer that is not a User',
      changed('shep', r => {
        r.securityOfficer = 'group:default/mcriap';
      }),
      [
        {
          path: 'spec.registry.securityOfficer',
          message:
            'must be a reference to a User, such as user:default/yerzhan.baizhanov, got "group:default/mcriap"',
        },
      ],
    ],
    [
      'a missing field',
      changed('shep', r => {
        delete r.purpose;
      }),
      [{ path: 'spec.registry.purpose', message: 'purpose is required' }],
    ],
    [
      'a misspelt field',
      changed('shep', r => {
        r.platform = { onPlatfrom: true };
      }),
      [
        {
          path: 'spec.registry.platform.onPlatform',
          message: 'onPlatform is required',
        },
        {
          path: 'spec.registry.platform.onPlatfrom',
          message:
            'onPlatfrom is not a field of the registry record (check the spelling)',
        },
      ],
    ],
    [
      'a data category listed twice and a lowercase country',
      changed('shep', r => {
        r.dataCategories = ['personal', 'open', 'personal'];
        r.hosting.country = 'kz';
      }),
      [
        {
          path: 'spec.registry.hosting.country',
          message: 'must be a two-letter ISO country code such as KZ, got "kz"',
        },
        {
          path: 'spec.registry.dataCategories',
          message: 'lists "personal" more than once',
        },
      ],
    ],
    [
      'a System that is not a state information system',
      changed('shep', (_, entity) => {
        entity.spec!.type = 'service';
        delete entity.spec!.registry;
      }),
      [
        {
          path: 'spec.type',
          message: 'must be state-information-system, got "service"',
        },
        {
          path: 'spec.registry',
          message: 'is required for a state information system',
        },
      ],
    ],
  ])('reports %s', (_, entity, problems) => {
    expect(validateRegistrySystem(entity)).toEqual({ valid: false, problems });
  });

  it("keeps the schema's lists in step with the TypeScript types", () => {
    const { properties: p, definitions: d } = registryRecordSchema;
    expect(d.stage.enum).toEqual(LIFECYCLE_STAGES);
    expect(p.ownerKind.enum).toEqual(OWNER_KINDS);
    expect(p.hosting.properties.kind.enum).toEqual(HOSTING_KINDS);
    expect(p.dataCategories.items.enum).toEqual(DATA_CATEGORIES);
    expect(d.ciaLevel.enum).toEqual(CIA_LEVELS);
    expect(p.legalBasis.properties.actType.enum).toEqual(LEGAL_ACT_TYPES);
    expect(p.integrations.items.properties.via.enum).toEqual(
      INTEGRATION_CHANNELS,
    );
  });
});

describe('isStateInformationSystem', () => {
  it('tells registry systems from other entities', () => {
    const system = demoSystem('shep');
    expect(isStateInformationSystem(system)).toBe(true);
    expect(isStateInformationSystem({ ...system, kind: 'Component' })).toBe(
      false,
    );
    expect(
      isStateInformationSystem({
        ...system,
        spec: { ...system.spec, type: 'service' },
      }),
    ).toBe(false);
    expect(
      isStateInformationSystem({
        ...system,
        spec: { ...system.spec, registry: null },
      }),
    ).toBe(false);
  });
});
