import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import type {
  Fact,
  JsonValue,
} from '@qaztech/plugin-security-readiness-common';
import { systemRefOf } from '@qaztech/plugin-security-readiness-common';
import type {
  FactCollector,
  FactCollectorRequest,
} from '@qaztech/plugin-security-readiness-node';

/** The fact type of {@link EntityCollector}. */
export const ENTITY_FACT_TYPE = 'entity';

const ANNOTATION_PREFIX = 'qaztech.kz/';

/**
 * The System entity's fields that the checks read, as a fact of type
 * `entity`, so that a system's fact history shows when its register record
 * (test act, hosting, lifecycle, data categories…) or release version
 * changed. The engine stores it only when it differs from the stored one.
 */
export class EntityCollector implements FactCollector {
  readonly id = 'entity';

  async collect(request: FactCollectorRequest): Promise<Omit<Fact, 'id'>[]> {
    const observedAt = request.now.toISOString();
    return request.systems.map(system => ({
      systemRef: systemRefOf(system),
      type: ENTITY_FACT_TYPE,
      source: this.id,
      observedAt,
      value: entityFactValue(system),
    }));
  }
}

/** What an entity fact holds: the owner, the register record, our annotations. */
export function entityFactValue(
  system: StateInformationSystemEntity,
): JsonValue {
  const annotations = Object.fromEntries(
    Object.entries(system.metadata.annotations ?? {})
      .filter(([key]) => key.startsWith(ANNOTATION_PREFIX))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  // JSON round trip: the record is plain data; this drops undefined members.
  return JSON.parse(
    JSON.stringify({
      owner: system.spec.owner,
      registry: system.spec.registry,
      annotations,
    }),
  );
}
