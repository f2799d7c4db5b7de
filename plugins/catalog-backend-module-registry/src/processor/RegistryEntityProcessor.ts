import {
  ANNOTATION_LOCATION,
  Entity,
  RELATION_DEPENDS_ON,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_MORATORIUM_START,
  EXEMPTIONS_ANNOTATION,
  Exemption,
  ExemptionSource,
  MoratoriumEvidence,
  MoratoriumStatusOnEvidence,
  RegistryProblem,
  RegistryRecord,
  STATE_INFORMATION_SYSTEM_TYPE,
  STATUS_SOURCES_ANNOTATION,
  UNVERIFIED_CLAIMS_ANNOTATION,
  UNVERIFIED_CLAIMS_LABEL,
  SystemProcessedEvent,
  evaluateMoratoriumOnEvidence,
  exemptionsFromRecord,
  exemptionsOfSystem,
  moratoriumDay,
  moratoriumNeedsExemptions,
  validateRegistrySystem,
  verifyMoratoriumInputs,
} from '@qaztech/plugin-registry-common';
import {
  PLATFORM_STATUS_DETAIL_ANNOTATION,
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_REASON_ANNOTATION,
} from '@qaztech/plugin-registry-node';
import { EvidenceLookup } from '../evidence/EvidenceLookup';

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
  /**
   * The locations (`url:…`, `file:…`, as in `backstage.io/managed-by-location`)
   * whose systems' own record of an exemption is believed: the national
   * register imports. A system from anywhere else (a hand-written
   * catalog-info.yaml, a template) is exempted only by a source's decision,
   * so a record cannot exempt itself. The catalog sets that annotation to
   * where it read the entity, so it cannot be forged in a file. Every
   * location when absent.
   */
  trustedRecordLocations?: readonly string[];
  /**
   * The evidence from sources the governed cannot write: the day the
   * register first saw each system (and its state body), and the platform
   * inventory. Without it (unit tests) an untrusted record counts as first
   * seen on the day it is processed and as listed by no inventory.
   */
  evidence?: EvidenceLookup;
  /**
   * How many validation outcomes and moratorium statuses are kept, by the
   * content they depend on; 50,000 of each by default, 0 turns caching off.
   */
  cacheSize?: number;
  /**
   * Called after a system that {@link RegistryEntityProcessor.expect} named
   * has been processed, with the fields of the processed entity; the module
   * publishes them for the register projection.
   */
  onExpectedProcessed?: (event: SystemProcessedEvent) => void;
}

const DEFAULT_CACHE_SIZE = 50_000;

/**
 * How long an expected system is announced after each processing. Not only
 * the first: a pass already under way when the change was announced may have
 * read the old exemptions, and the refresh's own pass comes after it.
 */
const EXPECT_TTL_MS = 2 * 60 * 1000;

/** A bounded map that forgets the least recently used key first. */
class LruCache<V> {
  readonly #entries = new Map<string, V>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V) {
    if (this.maxEntries <= 0) {
      return;
    }
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }
}

/**
 * The hash of a registry block. Kept per block object, so the validation and
 * post-processing steps of one processing pass hash it once.
 */
const registryHashes = new WeakMap<object, string>();

function hashOfRegistry(registry: unknown): string {
  const cacheable = typeof registry === 'object' && registry !== null;
  const known = cacheable ? registryHashes.get(registry) : undefined;
  if (known) {
    return known;
  }
  const hash = createHash('sha1')
    .update(JSON.stringify(registry) ?? 'undefined')
    .digest('base64');
  if (cacheable) {
    registryHashes.set(registry, hash);
  }
  return hash;
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
 * - emits a `dependsOn` relation to each system of
 *   `spec.registry.integrations`, and not the reverse `dependencyOf`: a
 *   relation whose source is another entity makes the catalog stitch that
 *   entity again, which at national scale (1.6 integrations a system) cost
 *   half again the ingestion time of the catalog itself. Who depends on a
 *   system is a catalog query (`relations.dependsOn=<ref>`), which the
 *   registry card makes.
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
  readonly #trustedRecordLocations?: ReadonlySet<string>;
  readonly #evidence?: EvidenceLookup;
  /** Validation problems (none when valid) by what validation reads. */
  readonly #validations: LruCache<readonly RegistryProblem[]>;
  /** Moratorium statuses by record, evidence, exemptions and Almaty day. */
  readonly #statuses: LruCache<MoratoriumStatusOnEvidence>;
  readonly #onExpectedProcessed?: (event: SystemProcessedEvent) => void;
  /** Systems (lower-case refs) whose processing is announced, until when. */
  readonly #expected = new Map<string, number>();

  constructor(options: RegistryEntityProcessorOptions = {}) {
    this.#onExpectedProcessed = options.onExpectedProcessed;
    this.#exemptionSources = options.exemptionSources ?? [];
    this.#moratoriumStart = options.moratoriumStart ?? DEFAULT_MORATORIUM_START;
    this.#now = options.now ?? (() => new Date());
    this.#trustedRecordLocations = options.trustedRecordLocations
      ? new Set(options.trustedRecordLocations)
      : undefined;
    this.#evidence = options.evidence;
    const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
    this.#validations = new LruCache(cacheSize);
    this.#statuses = new LruCache(cacheSize);
  }

  /**
   * Asks to be told (through `onExpectedProcessed`) each time this system is
   * processed in the next two minutes: its exemptions changed and the
   * register projection should follow without waiting for its periodic sync.
   */
  expect(systemRef: string): void {
    const now = Date.now();
    for (const [ref, until] of this.#expected) {
      if (until < now) {
        this.#expected.delete(ref);
      }
    }
    this.#expected.set(
      systemRef.toLocaleLowerCase('en-US'),
      now + EXPECT_TTL_MS,
    );
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
    // The catalog processes every entity again and again; validation reads
    // the kind, type, owner and registry block only, so its outcome is kept
    // by those.
    const key = JSON.stringify([
      entity.kind,
      entity.spec?.type,
      entity.spec?.owner ?? null,
      hashOfRegistry(entity.spec?.registry),
    ]);
    let found = this.#validations.get(key);
    if (!found) {
      const result = validateRegistrySystem(entity);
      found = result.valid ? [] : result.problems;
      this.#validations.set(key, found);
    }
    if (found.length) {
      const problems = found.map(p => `${p.path}: ${p.message}`);
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

    const { status, exemptions, today } = await this.#statusOf(entity, record);
    const labels = { ...entity.metadata.labels };
    const annotations = { ...entity.metadata.annotations };
    labels[PLATFORM_STATUS_LABEL] = status.status;
    annotations[PLATFORM_STATUS_REASON_ANNOTATION] = status.reason;
    // The same reason as a code and values, which the app translates.
    annotations[PLATFORM_STATUS_DETAIL_ANNOTATION] = JSON.stringify(
      status.detail,
    );
    annotations[STATUS_SOURCES_ANNOTATION] = JSON.stringify({
      ...status.sources,
      createdAtValue: status.createdAt,
    });
    // Whatever a file says under these keys is replaced by what the evidence
    // shows: a record cannot mark itself verified.
    delete labels[UNVERIFIED_CLAIMS_LABEL];
    delete annotations[UNVERIFIED_CLAIMS_ANNOTATION];
    if (status.unverified.length) {
      labels[UNVERIFIED_CLAIMS_LABEL] = 'true';
      annotations[UNVERIFIED_CLAIMS_ANNOTATION] = JSON.stringify(
        status.unverified,
      );
    }
    // The exemption in force and the earlier decisions, from the same
    // evaluation as the status, so the card and its reason agree.
    annotations[EXEMPTIONS_ANNOTATION] = JSON.stringify(
      exemptionsOfSystem(exemptions, status.exemption, today),
    );
    const processed: Entity = {
      ...entity,
      metadata: { ...entity.metadata, labels, annotations },
    };
    this.#announceIfExpected(processed);
    return processed;
  }

  #announceIfExpected(entity: Entity) {
    if (!this.#onExpectedProcessed || this.#expected.size === 0) {
      return;
    }
    const systemRef = stringifyEntityRef(entity);
    const key = systemRef.toLocaleLowerCase('en-US');
    const until = this.#expected.get(key);
    if (until === undefined) {
      return;
    }
    if (until < Date.now()) {
      this.#expected.delete(key);
      return;
    }
    this.#onExpectedProcessed({
      systemRef,
      entity: {
        apiVersion: entity.apiVersion,
        kind: entity.kind,
        metadata: {
          name: entity.metadata.name,
          ...(entity.metadata.namespace
            ? { namespace: entity.metadata.namespace }
            : {}),
          ...(entity.metadata.labels ? { labels: entity.metadata.labels } : {}),
          ...(entity.metadata.annotations
            ? { annotations: entity.metadata.annotations }
            : {}),
        },
        ...(entity.spec
          ? { spec: entity.spec as Record<string, unknown> }
          : {}),
      },
    });
  }

  /**
   * The moratorium status on the evidence, kept by what the rule depends on:
   * the record, its trust, the evidence, the exemptions of other sources and
   * the Almaty calendar day (the rule compares dates only). Exemption sources
   * are asked only when the rule looks at exemptions (a system off the
   * platform created under the moratorium) or to check an untrusted record's
   * own exemption claim.
   */
  async #statusOf(
    entity: Entity,
    record: RegistryRecord,
  ): Promise<{
    status: MoratoriumStatusOnEvidence;
    /** Every exemption the rule counted. */
    exemptions: Exemption[];
    today: string;
  }> {
    const at = this.#now();
    const today = moratoriumDay(at);
    const start = this.#moratoriumStart;
    const entityRef = stringifyEntityRef(entity);
    const trustedRecord =
      !this.#trustedRecordLocations ||
      this.#trustedRecordLocations.has(
        entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? '',
      );
    const evidence = await this.#evidenceOf(
      entity,
      entityRef,
      trustedRecord,
      today,
    );

    let fromSources: Exemption[] = [];
    const verified = verifyMoratoriumInputs(record, evidence);
    if (
      moratoriumNeedsExemptions(verified.record, start) ||
      (!trustedRecord && record.platform.exemption)
    ) {
      fromSources = (
        await Promise.all(
          this.#exemptionSources.map(source => source.getExemptions(entityRef)),
        )
      ).flat();
    }
    const key = JSON.stringify([
      hashOfRegistry(record),
      today,
      start,
      fromSources,
      evidence,
    ]);
    let status = this.#statuses.get(key);
    if (!status) {
      status = evaluateMoratoriumOnEvidence({
        record,
        evidence,
        exemptions: fromSources,
        at,
        moratoriumStart: start,
      });
      this.#statuses.set(key, status);
    }
    return {
      status,
      exemptions: [
        ...(trustedRecord ? exemptionsFromRecord(record) : []),
        ...fromSources,
      ],
      today,
    };
  }

  /**
   * The evidence of one system. A record from an untrusted location may not
   * move its system to another state body: the processing fails, so the
   * catalog keeps the last accepted version and shows the error.
   */
  async #evidenceOf(
    entity: Entity,
    entityRef: string,
    trustedRecord: boolean,
    today: string,
  ): Promise<MoratoriumEvidence> {
    if (!this.#evidence) {
      return { trustedRecord, firstSeen: today };
    }
    const ownerRef = stringifyEntityRef(
      parseEntityRef(String(entity.spec?.owner), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
    const found = await this.#evidence.evidenceOf(entityRef, ownerRef, today);
    if (found.sight.ownerRef !== ownerRef) {
      if (!trustedRecord) {
        throw new InputError(
          `${entityRef} belongs to ${
            found.sight.ownerRef
          }; a record from an untrusted location (${
            entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? 'unknown'
          }) may not move it to ${ownerRef}. Only the national register import can move a system to another state body.`,
        );
      }
      await this.#evidence.moveOwner(entityRef, ownerRef);
    }
    return {
      trustedRecord,
      firstSeen: found.sight.firstSeen,
      ...(found.deployment ? { deployment: found.deployment } : {}),
    };
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
    }
  }
}
