import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  Fact,
  JsonValue,
  systemRefOf,
} from '@qaztech/plugin-security-readiness-common';
import {
  FactCollector,
  FactCollectorRequest,
  securityReadinessCollectorsExtensionPoint,
} from '@qaztech/plugin-security-readiness-node';
import { parse } from 'yaml';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The source of the facts this collector yields. */
export const DEMO_FACTS_SOURCE = 'demo:examples';

type DemoFile = {
  systems?: Record<string, Record<string, JsonValue>>;
};

/**
 * Turns a finding's `openedDaysAgo` into `openedAt` relative to `now`, so
 * that what is overdue stays overdue whenever the demo runs.
 */
function dated(value: JsonValue, now: Date): JsonValue {
  if (Array.isArray(value)) {
    return value.map(item => dated(item, now));
  }
  if (value && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'openedDaysAgo' && typeof inner === 'number') {
        out.openedAt = new Date(now.getTime() - inner * DAY_MS).toISOString();
      } else {
        out[key] = dated(inner, now);
      }
    }
    return out;
  }
  return value;
}

/**
 * Reads the demo facts file (see examples/readiness/facts.yaml): for each
 * System name, the value of each fact type.
 */
export async function readDemoFacts(
  file: string,
): Promise<Map<string, Record<string, JsonValue>>> {
  const parsed = parse(await readFile(file, 'utf8')) as DemoFile | null;
  const systems = parsed?.systems;
  if (!systems || typeof systems !== 'object') {
    throw new InputError(`${file} has no "systems" map`);
  }
  return new Map(Object.entries(systems));
}

/**
 * A fact collector that reports the demo facts of examples/readiness as if
 * the state bodies' tools had just observed them.
 */
export class DemoFactCollector implements FactCollector {
  readonly id = DEMO_FACTS_SOURCE;
  readonly #facts: Map<string, Record<string, JsonValue>>;

  constructor(facts: Map<string, Record<string, JsonValue>>) {
    this.#facts = facts;
  }

  async collect(request: FactCollectorRequest): Promise<Omit<Fact, 'id'>[]> {
    const out: Omit<Fact, 'id'>[] = [];
    for (const system of request.systems) {
      const byType = this.#facts.get(system.metadata.name);
      if (!byType) {
        continue;
      }
      const systemRef = systemRefOf(system);
      for (const [type, value] of Object.entries(byType)) {
        out.push({
          systemRef,
          type,
          source: DEMO_FACTS_SOURCE,
          observedAt: request.now.toISOString(),
          value: dated(value, request.now),
        });
      }
    }
    return out;
  }
}

/**
 * Development only: scanner, tracker and OpenSSF Scorecard facts for some
 * demo systems, from the file named by `qaztech.demo.readinessFacts`, so
 * that the scorecards show every kind of result. Refused in production,
 * where facts come from the HTTP collectors and from CI.
 */
export const securityReadinessModuleDemoFacts = createBackendModule({
  pluginId: 'security-readiness',
  moduleId: 'qaztech-demo-facts',
  register(reg) {
    reg.registerInit({
      deps: {
        collectors: securityReadinessCollectorsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ collectors, config, logger }) {
        const file = config.getOptionalString('qaztech.demo.readinessFacts');
        if (!file) {
          return;
        }
        if (process.env.NODE_ENV === 'production') {
          throw new NotAllowedError(
            'qaztech.demo.readinessFacts feeds made-up security facts and is refused in production; remove it',
          );
        }
        const facts = await readDemoFacts(resolve(file));
        logger.info(`Demo security facts for ${facts.size} systems`);
        collectors.addCollector(new DemoFactCollector(facts));
      },
    });
  },
});
