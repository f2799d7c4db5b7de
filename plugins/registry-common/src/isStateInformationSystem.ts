import { Entity } from '@backstage/catalog-model';
import {
  STATE_INFORMATION_SYSTEM_TYPE,
  StateInformationSystemEntity,
} from './types';

/**
 * Whether an entity is a state information system: a System with
 * `spec.type: state-information-system` and a `spec.registry` block. It does
 * not check the block; {@link validateRegistrySystem} does.
 *
 * @public
 */
export function isStateInformationSystem(
  entity: Entity,
): entity is StateInformationSystemEntity {
  const registry = entity.spec?.registry;
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' &&
    entity.spec?.type === STATE_INFORMATION_SYSTEM_TYPE &&
    typeof registry === 'object' &&
    registry !== null &&
    !Array.isArray(registry)
  );
}
