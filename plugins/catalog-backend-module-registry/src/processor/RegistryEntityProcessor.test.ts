import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { Exemption } from '@qaztech/plugin-registry-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RegistryEntityProcessor } from './RegistryEntityProcessor';

/** The registry block, loosely typed so tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const registryOf = (entity: Entity): any => entity.spec!.registry;

const EXAMPLES = resolve(
  __dirname,
  '../../../../examples/systems/state-information-systems.yaml',
);
const examples: Entity[] = parseAllDocuments(
  readFileSync(EXAMPLES, 'utf8'),
).map(doc => doc.toJS());
const location: LocationSpec = { type: 'file', target: EXAMPLES };

function example(name: string): Entity {
  const entity = examples.find(e => e.metadata.name === name);
  if (!entity) {
    throw new Error(`no example system ${name}`);
  }
  return structuredClone(entity);
}

/** 2026-11-27, mid-morning in Astana. */
const now = () => new Date('2026-11-27T10:00:00+05:00');

async function process(
  processor: RegistryEntityProcessor,
  entity: Entity,
): Promise<{ entity: Entity; emitted: CatalogProcessorResult[] }> {
  const emitted: CatalogProcessorResult[] = [];
  await processor.validateEntityKind(entity);
  const processed = await processor.postProcessEntity(
    entity,
    location,
    result => emitted.push(result),
  );
  return { entity: processed, emitted };
}

const status = (entity: Entity) =>
  entity.metadata.labels?.['qaztech.kz/platform-status'];
const reason = (entity: Entity) =>
  entity.metadata.annotations?.['qaztech.kz/platform-status-reason'];

describe('RegistryEntityProcessor', () => {
  const processor = new RegistryEntityProcessor({ now });

  it('labels every example system with a moratorium status', async () => {
    const statuses = new Set<string>();
    for (const system of examples) {
      const { entity } = await process(processor, structuredClone(system));
      statuses.add(status(entity)!);
      expect(reason(entity)).toEqual(expect.any(String));
    }
    expect([...statuses].sort()).toEqual([
      'exempted',
      'legacy-migrating',
      'on-platform',
      'violation',
    ]);
  });

  it.each([
    ['shep', 'on-platform', 'The system runs on the QazTech platform.'],
    [
      'gbd-fl',
      'legacy-migrating',
      'it must migrate to the platform by 2027-06-30',
    ],
    ['e-litsenzirovanie', 'legacy-migrating', 'deadline 2026-06-30 has passed'],
    [
      'sur-tk',
      'exempted',
      'exempted by decision КВЦ-2026/04-2 of 2026-04-15 until 2027-04-15',
    ],
    [
      'telemeditsina',
      'violation',
      'exemption КВЦ-2026/02-5 expired on 2026-10-31',
    ],
    ['olimpiady-shkolnikov', 'violation', 'has no exemption.'],
  ])('%s is %s', async (name, expected, because) => {
    const { entity } = await process(processor, example(name));
    expect(status(entity)).toBe(expected);
    expect(reason(entity)).toContain(because);
  });

  it('keeps the rest of the entity and its existing labels', async () => {
    const input = example('shep');
    input.metadata.labels = { team: 'egov' };
    const { entity } = await process(processor, input);
    expect(entity.metadata.labels).toEqual({
      team: 'egov',
      'qaztech.kz/platform-status': 'on-platform',
    });
    expect(entity.spec).toEqual(input.spec);
    expect(entity.metadata.annotations).toMatchObject(
      input.metadata.annotations!,
    );
  });

  it('emits dependsOn for each integration, and no reverse relation or ownership', async () => {
    const { emitted } = await process(
      processor,
      example('portal-elektronnogo-pravitelstva'),
    );
    const self = {
      kind: 'System',
      namespace: 'default',
      name: 'portal-elektronnogo-pravitelstva',
    };
    const others = ['pshep', 'gbd-fl', 'gbd-yul', 'nuts'].map(name => ({
      kind: 'system',
      namespace: 'default',
      name,
    }));
    expect(emitted).toEqual(
      others.map(other => ({
        type: 'relation',
        relation: { source: self, type: 'dependsOn', target: other },
      })),
    );
  });

  it('believes the exemption in a record only from a trusted location', async () => {
    const strict = new RegistryEntityProcessor({
      now,
      trustedRecordLocations: [
        'url:https://register.example.gov.kz/export.json',
      ],
    });
    const at = (target: string): Entity => {
      const entity = example('sur-tk');
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': target,
      };
      return entity;
    };

    // From the national register import: the decision in the record holds.
    const imported = await process(
      strict,
      at('url:https://register.example.gov.kz/export.json'),
    );
    expect(status(imported.entity)).toBe('exempted');

    // The same record in a hand-written catalog-info.yaml exempts nothing.
    const handWritten = await process(
      strict,
      at(
        'url:https://git.example.gov.kz/team/sur-tk/blob/main/catalog-info.yaml',
      ),
    );
    expect(status(handWritten.entity)).toBe('violation');
    expect(reason(handWritten.entity)).toContain('has no exemption');
  });

  it('counts exemptions from every registered source', async () => {
    const decision: Exemption = {
      decisionNumber: 'КВЦ-2026/11-9',
      decisionDate: '2026-11-20',
      expiresAt: '2027-11-20',
      status: 'approved',
      source: 'moratorium',
    };
    const asked: string[] = [];
    const withSource = new RegistryEntityProcessor({
      now,
      exemptionSources: [
        { getExemptions: async () => [] },
        {
          async getExemptions(ref) {
            asked.push(ref);
            return [decision];
          },
        },
      ],
    });
    const { entity } = await process(
      withSource,
      example('olimpiady-shkolnikov'),
    );
    expect(asked).toEqual(['system:default/olimpiady-shkolnikov']);
    expect(status(entity)).toBe('exempted');
    expect(reason(entity)).toContain('decision КВЦ-2026/11-9 of 2026-11-20');
  });

  it('fails the system when an exemption source fails, rather than guess', async () => {
    const failing = new RegistryEntityProcessor({
      now,
      exemptionSources: [
        {
          getExemptions: async () => {
            throw new Error('moratorium backend unavailable');
          },
        },
      ],
    });
    await expect(
      process(failing, example('olimpiady-shkolnikov')),
    ).rejects.toThrow('moratorium backend unavailable');
  });

  it('uses the configured moratorium start', async () => {
    const later = new RegistryEntityProcessor({
      now,
      moratoriumStart: '2026-12-01',
    });
    const { entity } = await process(later, example('olimpiady-shkolnikov'));
    expect(status(entity)).toBe('legacy-migrating');
    expect(reason(entity)).toContain(
      'before the moratorium started on 2026-12-01',
    );
  });

  describe('an invalid system', () => {
    it('is rejected with one message naming every field and rule', async () => {
      const entity = example('shep');
      registryOf(entity).parties.owner.bin = '190740682688';
      delete registryOf(entity).createdAt;
      registryOf(entity).classification.critical = 'yes';

      const error = await processor.validateEntityKind(entity).then(
        () => undefined,
        e => e,
      );
      expect(error.name).toBe('InputError');
      expect(error.message).toContain(
        'system:default/shep is not a valid state information system',
      );
      expect(error.message).toContain(
        'spec.registry.parties.owner.bin: БИН 190740682688 has a wrong check digit (expected 9)',
      );
      expect(error.message).toContain(
        'spec.registry.createdAt: createdAt is required',
      );
      expect(error.message).toContain(
        'spec.registry.classification.critical: must be a boolean',
      );
    });

    it('is rejected when it has no registry block', async () => {
      const entity = example('shep');
      delete entity.spec!.registry;
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        'spec.registry: is required for a state information system',
      );
    });

    it('is rejected when its owner is not a group', async () => {
      const entity = example('shep');
      entity.spec!.owner = 'user:default/gulnara.akhmetova';
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        /spec\.owner: must be a reference to the Group of the state body/,
      );
    });
  });

  describe('on repeated processing', () => {
    it('asks exemption sources only when the rule looks at exemptions', async () => {
      const asked: string[] = [];
      const counting = new RegistryEntityProcessor({
        now,
        exemptionSources: [
          {
            async getExemptions(ref) {
              asked.push(ref);
              return [];
            },
          },
        ],
      });
      // On the platform; legacy (created before the moratorium); new.
      for (const name of ['shep', 'gbd-fl', 'olimpiady-shkolnikov']) {
        await process(counting, example(name));
        await process(counting, example(name));
      }
      expect(asked).toEqual([
        'system:default/olimpiady-shkolnikov',
        'system:default/olimpiady-shkolnikov',
      ]);
    });

    it('follows a source whose answer changes between passes', async () => {
      let decisions: Exemption[] = [];
      const changing = new RegistryEntityProcessor({
        now,
        exemptionSources: [{ getExemptions: async () => decisions }],
      });
      const first = await process(changing, example('olimpiady-shkolnikov'));
      expect(status(first.entity)).toBe('violation');
      decisions = [
        {
          decisionNumber: 'КВЦ-2026/11-9',
          decisionDate: '2026-11-20',
          status: 'approved',
          source: 'moratorium',
        },
      ];
      const second = await process(changing, example('olimpiady-shkolnikov'));
      expect(status(second.entity)).toBe('exempted');
      decisions = [];
      const third = await process(changing, example('olimpiady-shkolnikov'));
      expect(status(third.entity)).toBe('violation');
    });

    it('writes the exemption in force and the earlier decisions from the evaluation it labels', async () => {
      let decisions: Exemption[] = [
        {
          decisionNumber: 'EX-2026-0001',
          decisionDate: '2026-03-01',
          expiresAt: '2026-10-31',
          status: 'expired',
          source: 'moratorium',
        },
        {
          decisionNumber: 'EX-2026-0009',
          decisionDate: '2026-11-20',
          expiresAt: '2027-11-20',
          status: 'approved',
          source: 'moratorium',
        },
      ];
      const changing = new RegistryEntityProcessor({
        now,
        exemptionSources: [{ getExemptions: async () => decisions }],
      });
      const exemptionsOf = (entity: Entity) =>
        JSON.parse(entity.metadata.annotations!['qaztech.kz/exemptions']);
      const exempted = await process(changing, example('olimpiady-shkolnikov'));
      expect(status(exempted.entity)).toBe('exempted');
      expect(exemptionsOf(exempted.entity)).toEqual({
        inForce: decisions[1],
        earlier: [{ ...decisions[0], state: 'expired' }],
      });
      decisions = decisions.map(d => ({ ...d, status: 'revoked' as const }));
      const revoked = await process(changing, example('olimpiady-shkolnikov'));
      expect(status(revoked.entity)).toBe('violation');
      expect(exemptionsOf(revoked.entity)).toEqual({
        earlier: [
          { ...decisions[1], state: 'revoked' },
          { ...decisions[0], state: 'revoked' },
        ],
      });
    });

    it('announces the processing of a system it was told to expect, and no other', async () => {
      const announced: string[] = [];
      const watching = new RegistryEntityProcessor({
        now,
        onExpectedProcessed: event =>
          announced.push(
            `${event.systemRef} ${event.entity.metadata.labels?.['qaztech.kz/platform-status']}`,
          ),
      });
      await process(watching, example('olimpiady-shkolnikov'));
      expect(announced).toEqual([]);
      watching.expect('system:default/Olimpiady-Shkolnikov');
      await process(watching, example('olimpiady-shkolnikov'));
      await process(watching, example('shep'));
      expect(announced).toEqual([
        'system:default/olimpiady-shkolnikov violation',
      ]);
    });

    it('evaluates again when the Almaty day changes', async () => {
      let clock = new Date('2026-06-30T18:59:59.999Z'); // 23:59 in Almaty
      const ticking = new RegistryEntityProcessor({ now: () => clock });
      const before = await process(ticking, example('e-litsenzirovanie'));
      expect(reason(before.entity)).toContain(
        'it must migrate to the platform by 2026-06-30',
      );
      clock = new Date('2026-06-30T19:00:00Z'); // the next day in Almaty
      const after = await process(ticking, example('e-litsenzirovanie'));
      expect(reason(after.entity)).toContain('deadline 2026-06-30 has passed');
    });

    it('names the entity at hand when its content was rejected before', async () => {
      const broken = (name: string) => {
        const entity = example('shep');
        entity.metadata.name = name;
        registryOf(entity).parties.owner.bin = '190740682688';
        return entity;
      };
      await expect(processor.validateEntityKind(broken('one'))).rejects.toThrow(
        'system:default/one is not a valid state information system',
      );
      await expect(processor.validateEntityKind(broken('two'))).rejects.toThrow(
        'system:default/two is not a valid state information system: spec.registry.parties.owner.bin',
      );
    });

    it('gives the same results with caching off', async () => {
      const uncached = new RegistryEntityProcessor({ now, cacheSize: 0 });
      for (const system of examples) {
        for (let pass = 0; pass < 2; pass++) {
          const a = await process(processor, structuredClone(system));
          const b = await process(uncached, structuredClone(system));
          expect(a).toEqual(b);
        }
      }
    });
  });

  it.each([
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'internal-tools' },
      spec: { owner: 'group:default/mcriap', type: 'product' },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'shep-adapter' },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/mcriap',
        registry: { nonsense: true },
      },
    },
  ] as Entity[])(
    'lets a $kind that is not a state information system pass untouched',
    async input => {
      const before = structuredClone(input);
      expect(await processor.validateEntityKind(input)).toBe(false);
      const emitted: CatalogProcessorResult[] = [];
      const output = await processor.postProcessEntity(input, location, r =>
        emitted.push(r),
      );
      expect(output).toBe(input);
      expect(output).toEqual(before);
      expect(emitted).toEqual([]);
    },
  );
});
