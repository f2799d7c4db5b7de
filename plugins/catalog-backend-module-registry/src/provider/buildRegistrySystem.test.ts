import { Entity } from '@backstage/catalog-model';
import {
  RegistryRecord,
  validateRegistrySystem,
} from '@qaztech/plugin-registry-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { buildRegistrySystem, exportFieldOf } from './buildRegistrySystem';
import { parseRegisterExport } from './parseRegisterExport';

const EXAMPLES = resolve(__dirname, '../../../../examples');
const read = (path: string) => readFileSync(resolve(EXAMPLES, path));

const ownerOfBin = new Map(
  parseAllDocuments(read('org/state-bodies.yaml').toString('utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(e => e.metadata.annotations?.['qaztech.kz/bin'])
    .map(e => [
      e.metadata.annotations!['qaztech.kz/bin'],
      `group:default/${e.metadata.name}`,
    ]),
);
const yamlSystems = new Map(
  parseAllDocuments(
    read('systems/state-information-systems.yaml').toString('utf8'),
  )
    .map(doc => doc.toJS() as Entity)
    .map(e => [e.metadata.name, e]),
);

describe('buildRegistrySystem', () => {
  it.each(['json', 'csv'] as const)(
    'builds a valid System from every row of the example %s export',
    format => {
      const { rows, unreadable } = parseRegisterExport(
        read(`register/national-register.${format}`),
        format,
      );
      expect(unreadable).toEqual([]);
      expect(rows).toHaveLength(87);

      for (const row of rows) {
        const entity = buildRegistrySystem(row.fields, {
          owner: ownerOfBin.get(String(row.fields.ownerBin))!,
          locationRef: 'file:/export',
        });
        const result = validateRegistrySystem(entity);
        expect({ row: row.label, result }).toEqual({
          row: row.label,
          result: expect.objectContaining({ valid: true }),
        });

        // the same system as the catalog file, but for what the export
        // does not carry: integrations, officer, SOC, migration plan and the
        // lifecycle history
        const original = yamlSystems.get(entity.metadata.name)!;
        expect(entity.spec.owner).toBe(original.spec!.owner);
        const exportedRecord = structuredClone(
          original.spec!.registry,
        ) as RegistryRecord;
        delete exportedRecord.platform.migration?.plan;
        const {
          integrations,
          securityOfficer,
          socProvider,
          lifecycle,
          ...exported
        } = exportedRecord;
        const { lifecycle: importedLifecycle, ...imported } =
          entity.spec.registry;
        expect(imported).toEqual(exported);
        expect(importedLifecycle).toEqual({
          stage: lifecycle.stage,
          history: [{ stage: lifecycle.stage, date: exportedRecord.createdAt }],
        });
      }
    },
  );

  it('names a row after its transliterated Russian title when it has no valid name', () => {
    const entity = buildRegistrySystem(
      { name: 'Not A Name!', titleRu: 'Е-лицензирование' },
      { owner: 'group:default/mcriap', locationRef: 'url:https://x' },
    );
    expect(entity.metadata.name).toBe('e-litsenzirovanie');
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': 'url:https://x',
      'backstage.io/managed-by-origin-location': 'url:https://x',
    });
  });

  it('names export columns in place of record paths', () => {
    expect(exportFieldOf('spec.registry.parties.owner.bin')).toBe('ownerBin');
    expect(exportFieldOf('spec.registry.dataCategories[2]')).toBe(
      'dataCategories',
    );
    expect(exportFieldOf('spec.owner')).toBe('spec.owner');
  });
});
