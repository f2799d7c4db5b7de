/*
 * Synthetic state information systems for benchmarks: the demo systems of
 * examples/systems used as templates, cloned with unique names and registry
 * numbers, so every synthetic record is as valid and as varied as the demo.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';

const EXAMPLES = resolve(__dirname, '../../examples');

function readYaml(file: string): Entity[] {
  return parseAllDocuments(readFileSync(resolve(EXAMPLES, file), 'utf8'))
    .map(doc => doc.toJS() as Entity)
    .filter(Boolean);
}

/** The state body Groups the synthetic systems belong to. */
export function stateBodies(): Entity[] {
  return readYaml('org/state-bodies.yaml');
}

/** `count` synthetic systems, deterministic for a given count. */
export function syntheticSystems(count: number): Entity[] {
  const templates = readYaml('systems/state-information-systems.yaml');
  const systems: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    const clone = JSON.parse(JSON.stringify(template)) as Entity;
    const suffix = `b${i.toString(36)}`;
    clone.metadata.name = `${template.metadata.name.slice(0, 55)}-${suffix}`;
    clone.metadata.title = `${template.metadata.title} №${i}`;
    const registry = (clone.spec as any).registry;
    registry.registryNumber = `ИС-B${String(i).padStart(6, '0')}`;
    registry.title.ru = `${registry.title.ru} №${i}`;
    // Integrations point at other synthetic systems of the same batch.
    registry.integrations = (registry.integrations ?? []).map(
      (integration: { system: string; via: string }, k: number) => ({
        ...integration,
        system: `${integration.system.slice(0, 55)}-b${(
          (i + k + 1) %
          count
        ).toString(36)}`,
      }),
    );
    systems.push(clone);
  }
  return systems;
}
