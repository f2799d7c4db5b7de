import { Entity } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const EXAMPLES = resolve(__dirname, '../../../../examples');

function loadEntities(file: string): Entity[] {
  return parseAllDocuments(readFileSync(resolve(EXAMPLES, file), 'utf8'))
    .map(doc => doc.toJS() as Entity | null)
    .filter((entity): entity is Entity => Boolean(entity));
}

/** The demo state information systems (examples/systems). */
export function demoSystems(): Entity[] {
  return loadEntities('systems/state-information-systems.yaml');
}

/** The demo organisation Groups, state bodies among them (examples/org). */
export function demoStateBodies(): Entity[] {
  return loadEntities('org/state-bodies.yaml');
}

/** A deep copy of one demo system, to change in a test. */
export function demoSystem(name: string): Entity {
  const system = demoSystems().find(e => e.metadata.name === name);
  if (!system) {
    throw new Error(`No demo system named ${name}`);
  }
  return structuredClone(system);
}
