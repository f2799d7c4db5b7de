import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_MORATORIUM_START,
  ExemptionSource,
  RegistryRecord,
  STATE_INFORMATION_SYSTEM_TYPE,
  evaluateMoratorium,
  exemptionsFromRecord,
  validateRegistrySystem,
} from '@qaztech/plugin-registry-common';
import {
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
} from '@qaztech/plugin-registry-node';

/**
 * Options of {@link RegistryEntityProcessor}.
 *
 * @public
 */
export interface RegistryEntityProcessorOptions {
  /**
   * Where exemptions come from besides the system's own record. The list is
   * read at every evaluation, so sources added after construction count.
   */
  exemptionSources?: readonly ExemptionSource[];
  /** The first day of the moratorium, `YYYY-MM-DD`; 2026-01-01 by default. */
  moratoriumStart?: string;
  /** The clock; tests pin it. */
  now?: () => Date;
}

/**
 * Whether the catalog should treat an entity as a state information system.
 * Unlike `isStateInformationSystem` this does not need `spec.registry`: a
 * System that claims the type but lacks the block must be rejected, not
 * passed through.
 */
function claimsToBeStateInformationSystem(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'system' &&
    entity.spec?.type === STATE_INFORMATION_SYSTEM_TYPE
  );
}

/**
 * The catalog processor of state information systems (Systems with
 * `spec.type: state-information-system`):
 *
 * - rejects an invalid system with one InputError that lists every problem as
 *   `<field path>: <rule>`, so the catalog records a processing error on the
 *   entity and keeps its last valid version;
 * - writes the moratorium status into the label `qaztech.kz/platform-status`
 *   and its reason into the annotation `qaztech.kz/platform-status-reason`;
 * - emits `dependsOn` / `dependencyOf` relations for `spec.registry.integrations`.
 *
 * Ownership relations come from the builtin processor (from `spec.owner`);
 * validation makes sure `spec.owner` is a Group. Every other entity passes
 * through untouched.
 *
 * @public
 */
export class RegistryEntityProcessor implements CatalogProcessor {
  readonly #exemptionSources: readonly ExemptionSource[];
  readonly #moratoriumStart: string;
  readonly #now: () => Date;

  constructor(options: RegistryEntityProcessorOptions = {}) {
    this.#exemptionSources = options.exemptionSources ?? [];
    this.#moratoriumStart = options.moratoriumStart ?? DEFAULT_MORATORIUM_START;
    this.#now = options.now ?? (() => new Date());
  }

  getProcessorName(): string {
    return 'RegistryEntityProcessor';
  }

  /**
   * Validates a state information system after pre-processing (so
   * placeholders such as `$text` are resolved). Returns false for every
   * entity: the builtin processor is the one that recognises the System kind.
   */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (!claimsToBeStateInformationSystem(entity)) {
      return false;
    }
    const result = validateRegistrySystem(entity);
    if (!result.valid) {
      const problems = result.problems.map(p => `${p.path}: ${p.message}`);
      throw new InputError(
        `${stringifyEntityRef(
          entity,
        )} is not a valid state information system: ${problems.join('; ')}`,
      );
    }
    return false;
  }

  /**
   * Writes the moratorium status and emits the integration relations of a
   * state information system that passed validation.
   */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!claimsToBeStateInformationSystem(entity)) {
      return entity;
    }
    const record = entity.spec!.registry as RegistryRecord;
    this.#emitIntegrations(entity, record, emit);

    const status = evaluateMoratorium({
      record,
      exemptions: await this.#exemptionsOf(entity, record),
      at: this.#now(),
      moratoriumStart: this.#moratoriumStart,
    });
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        labels: {
          ...entity.metadata.labels,
          [PLATFORM_STATUS_LABEL]: status.status,
        },
        annotations: {
          ...entity.metadata.annotations,
          [PLATFORM_STATUS_REASON_ANNOTATION]: status.reason,
        },
      },
    };
  }

  async #exemptionsOf(entity: Entity, record: RegistryRecord) {
    const entityRef = stringifyEntityRef(entity);
    const fromSources = await Promise.all(
      this.#exemptionSources.map(source => source.getExemptions(entityRef)),
    );
    return [...exemptionsFromRecord(record), ...fromSources.flat()];
  }

  #emitIntegrations(
    entity: Entity,
    record: RegistryRecord,
    emit: CatalogProcessorEmit,
  ) {
    const self = getCompoundEntityRef(entity);
    for (const integration of record.integrations ?? []) {
      // An integration names another System by name or ref, like spec.system
      // on a Component does; defaults follow the builtin processor.
      const other = parseEntityRef(integration.system, {
        defaultKind: 'system',
        defaultNamespace: self.namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_DEPENDS_ON,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: RELATION_DEPENDENCY_OF,
          target: self,
        }),
      );
    }
  }
}
