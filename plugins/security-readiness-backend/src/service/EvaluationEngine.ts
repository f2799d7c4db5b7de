import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { StateInformationSystemEntity } from '@qaztech/plugin-registry-common';
import {
  Attestation,
  EvaluationRun,
  Fact,
  Scorecard,
  ScorecardResult,
  Waiver,
  canonicalJson,
  evaluateScorecard,
  hasResultChanged,
  systemRefOf,
  toHistoryEntry,
} from '@qaztech/plugin-security-readiness-common';
import type { FactCollector } from '@qaztech/plugin-security-readiness-node';
import { DateTime } from 'luxon';
import {
  ScorecardWrite,
  SecurityReadinessStore,
  StoredScorecard,
} from '../database/SecurityReadinessStore';
import { SystemSource } from './SystemSource';

/** The zone of the trend's days. */
const TREND_ZONE = 'Asia/Almaty';
/** Systems a collector is asked about at once. */
const COLLECTOR_BATCH = 100;
const DEFAULT_BATCH_SIZE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** SHA-256 in hex, the default digest of a result's inputs. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The day of an instant in Asia/Almaty, `YYYY-MM-DD`. */
export function trendDate(now: Date): string {
  return DateTime.fromJSDate(now, { zone: TREND_ZONE }).toISODate()!;
}

/** What one batch did. */
type BatchOutcome = {
  results: Map<string, StoredScorecard>;
  changed: number;
  factsInserted: number;
};

/** Counters of the latest `runAll`, for logs and the benchmark. */
export type EvaluationStats = {
  systems: number;
  changed: number;
  factsInserted: number;
  collectorFailures: number;
  purged: number;
};

/** Options of {@link EvaluationEngine}. */
export type EvaluationEngineOptions = {
  store: SecurityReadinessStore;
  systems: SystemSource;
  collectors: FactCollector[];
  scorecard: Scorecard;
  logger: LoggerService;
  /** The digest of a result's inputs (default SHA-256 hex). */
  hash?: (canonical: string) => string;
  /** Systems evaluated and written per transaction, 100–500 (default 200). */
  batchSize?: number;
  /**
   * A collected fact equal to the stored one is stored again only when the
   * stored one is older than this (default 7 days), so that its age keeps
   * telling whether the tool still reports, without a row every run.
   */
  factRefreshDays?: number;
  /** The wall clock for run heartbeats (default `new Date()`). */
  clock?: () => Date;
};

/**
 * Evaluates systems: collects facts, reads the stored facts, attestations
 * and waivers in batches, scores each system with the scorecard, and writes
 * only the results that changed (with a history entry); unchanged ones are
 * touched.
 */
export class EvaluationEngine {
  private readonly store: SecurityReadinessStore;
  private readonly systems: SystemSource;
  private readonly collectors: FactCollector[];
  private readonly scorecard: Scorecard;
  private readonly logger: LoggerService;
  private readonly hash: (canonical: string) => string;
  private readonly batchSize: number;
  private readonly factRefreshMs: number;
  private readonly clock: () => Date;
  private collectorFailures = 0;
  private stats: EvaluationStats | undefined;

  constructor(options: EvaluationEngineOptions) {
    this.store = options.store;
    this.systems = options.systems;
    this.collectors = options.collectors;
    this.scorecard = options.scorecard;
    this.logger = options.logger;
    this.hash = options.hash ?? sha256Hex;
    this.batchSize = Math.min(
      500,
      Math.max(100, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)),
    );
    this.factRefreshMs = (options.factRefreshDays ?? 7) * DAY_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  /** The counters of the latest finished {@link EvaluationEngine.runAll}. */
  get lastRunStats(): EvaluationStats | undefined {
    return this.stats;
  }

  /**
   * Collects and evaluates one system now and stores its result if it
   * changed. Throws NotFoundError when the catalog has no registry system
   * with this ref.
   */
  async evaluateSystem(systemRef: string, now: Date): Promise<StoredScorecard> {
    const system = await this.systems.getSystem(systemRef);
    if (!system) {
      throw new NotFoundError(
        `No state information system ${systemRef} in the catalog`,
      );
    }
    const outcome = await this.evaluateBatch([system], now);
    return outcome.results.get(systemRefOf(system))!;
  }

  /**
   * Evaluates every registry system of the catalog for a claimed run:
   * batches with progress written after each, today's trend point, and the
   * purge of systems gone from the catalog. A failure finishes the run as
   * failed. When `signal` aborts (the backend stops), the run is left
   * running, so that `requeueStaleRuns` hands it to another replica.
   */
  async runAll(
    runId: string,
    now: Date,
    signal?: AbortSignal,
  ): Promise<EvaluationRun> {
    const logger = this.logger.child({ runId });
    const run = await this.store.getRun(runId);
    if (!run) {
      throw new NotFoundError(`No evaluation run ${runId}`);
    }
    const started = Date.now();
    const failuresBefore = this.collectorFailures;
    let total = 0;
    let done = 0;
    // A run resumed after a replica died keeps the changes already counted.
    let changed = run.changed;
    let factsInserted = 0;
    const seen = new Set<string>();
    try {
      total = await this.systems.count();
      await this.store.updateRunProgress(
        runId,
        { total, done, changed },
        this.clock(),
      );
      let batch: StateInformationSystemEntity[] = [];
      const flush = async () => {
        const outcome = await this.evaluateBatch(batch, now, signal);
        done += batch.length;
        changed += outcome.changed;
        factsInserted += outcome.factsInserted;
        total = Math.max(total, done);
        batch = [];
        await this.store.updateRunProgress(
          runId,
          { total, done, changed },
          this.clock(),
        );
      };
      for await (const page of this.systems.pages()) {
        for (const system of page) {
          const ref = systemRefOf(system);
          if (seen.has(ref)) {
            continue;
          }
          seen.add(ref);
          batch.push(system);
          if (batch.length >= this.batchSize) {
            await flush();
          }
          if (signal?.aborted) {
            break;
          }
        }
        if (signal?.aborted) {
          break;
        }
      }
      if (signal?.aborted) {
        logger.info(
          `Evaluation run stopped after ${done} of ${total} systems; another replica will resume it`,
        );
        return (await this.store.getRun(runId))!;
      }
      if (batch.length > 0) {
        await flush();
      }
      const purged = await this.purgeGone(seen, logger);
      await this.store.recordTrendPoint(trendDate(now));
      await this.store.updateRunProgress(
        runId,
        { total: done, done, changed },
        this.clock(),
      );
      await this.store.finishRun(runId, { status: 'succeeded' }, this.clock());
      this.stats = {
        systems: done,
        changed,
        factsInserted,
        collectorFailures: this.collectorFailures - failuresBefore,
        purged,
      };
      logger.info(
        `Evaluated ${done} systems in ${((Date.now() - started) / 1000).toFixed(
          1,
        )} s: ${changed} changed, ${factsInserted} facts stored, ${purged} purged`,
        { ...this.stats },
      );
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      logger.error(`Evaluation run failed after ${done} systems: ${message}`);
      await this.store.updateRunProgress(
        runId,
        { total, done, changed },
        this.clock(),
      );
      await this.store.finishRun(
        runId,
        { status: 'failed', error: message },
        this.clock(),
      );
    }
    return (await this.store.getRun(runId))!;
  }

  private async purgeGone(
    seen: Set<string>,
    logger: LoggerService,
  ): Promise<number> {
    const stored = await this.store.listSystemRefs();
    const gone = stored.filter(ref => !seen.has(ref));
    if (gone.length === 0) {
      return 0;
    }
    if (seen.size === 0) {
      // An empty catalog more likely means a catalog in trouble than a
      // country without systems: keep the records.
      logger.warn(
        `The catalog returned no registry systems; not purging the ${gone.length} stored ones`,
      );
      return 0;
    }
    const purged = await this.store.purgeSystems(gone);
    logger.info(`Purged ${purged} systems gone from the catalog`, {
      systems: gone.slice(0, 20).join(', '),
    });
    return purged;
  }

  /** Facts from every collector for these systems; failures are counted. */
  private async collect(
    systems: StateInformationSystemEntity[],
    now: Date,
    signal?: AbortSignal,
  ): Promise<Omit<Fact, 'id'>[]> {
    const refs = new Set(systems.map(systemRefOf));
    const chunks: StateInformationSystemEntity[][] = [];
    for (let i = 0; i < systems.length; i += COLLECTOR_BATCH) {
      chunks.push(systems.slice(i, i + COLLECTOR_BATCH));
    }
    const collected = await Promise.all(
      this.collectors.flatMap(collector =>
        chunks.map(async chunk => {
          try {
            const facts = await collector.collect({
              systems: chunk,
              now,
              signal,
            });
            return facts.map(fact => ({
              ...fact,
              systemRef: fact.systemRef.toLocaleLowerCase('en-US'),
              source: fact.source || collector.id,
              observedAt: fact.observedAt || now.toISOString(),
            }));
          } catch (error) {
            this.collectorFailures++;
            this.logger.warn(
              `Collector ${collector.id} failed for ${chunk.length} systems: ${
                (error as Error).message
              }`,
              { collector: collector.id },
            );
            return [];
          }
        }),
      ),
    );
    return collected.flat().filter(fact => refs.has(fact.systemRef));
  }

  /** The collected facts that are news compared with the stored ones. */
  private factsToStore(
    collected: Omit<Fact, 'id'>[],
    stored: Fact[],
  ): Omit<Fact, 'id'>[] {
    const key = (f: Omit<Fact, 'id'>) =>
      `${f.systemRef}\u0000${f.type}\u0000${f.source}`;
    const latest = new Map<string, Fact>();
    for (const fact of stored) {
      const current = latest.get(key(fact));
      if (!current || fact.observedAt > current.observedAt) {
        latest.set(key(fact), fact);
      }
    }
    return collected.filter(fact => {
      const previous = latest.get(key(fact));
      if (!previous) {
        return true;
      }
      const age = Date.parse(fact.observedAt) - Date.parse(previous.observedAt);
      if (age <= 0) {
        return false;
      }
      return (
        age >= this.factRefreshMs ||
        canonicalJson(previous.value) !== canonicalJson(fact.value)
      );
    });
  }

  private async evaluateBatch(
    systems: StateInformationSystemEntity[],
    now: Date,
    signal?: AbortSignal,
  ): Promise<BatchOutcome> {
    const refs = systems.map(systemRefOf);
    const [collected, storedFacts, attestations, waivers, previous] =
      await Promise.all([
        this.collect(systems, now, signal),
        this.store.factsForSystems(refs, now),
        this.store.attestationsForSystems(refs),
        this.store.waiversForSystems(refs),
        this.store.getScorecards(refs),
      ]);
    const toStore = this.factsToStore(collected, storedFacts);
    const { inserted } =
      toStore.length > 0
        ? await this.store.insertFacts(toStore)
        : { inserted: 0 };

    const facts = groupBy<Fact>(
      [...storedFacts, ...collected],
      f => f.systemRef,
    );
    const attestationsOf = groupBy<Attestation>(attestations, a =>
      a.systemRef.toLocaleLowerCase('en-US'),
    );
    const waiversOf = groupBy<Waiver>(waivers, w =>
      w.systemRef.toLocaleLowerCase('en-US'),
    );

    const writes: ScorecardWrite[] = [];
    const unchanged: string[] = [];
    const results = new Map<string, StoredScorecard>();
    systems.forEach((system, i) => {
      const ref = refs[i];
      const result: ScorecardResult = evaluateScorecard({
        entity: system,
        scorecard: this.scorecard,
        facts: facts.get(ref) ?? [],
        attestations: attestationsOf.get(ref) ?? [],
        waivers: waiversOf.get(ref) ?? [],
        now,
        hash: this.hash,
      });
      const stateBodyRef = ownerRefOf(system);
      const title = system.spec.registry.title?.ru ?? system.metadata.name;
      const old = previous.get(ref);
      if (
        !old ||
        hasResultChanged(old.result, result) ||
        old.stateBodyRef !== stateBodyRef ||
        old.title !== title
      ) {
        writes.push({
          result,
          stateBodyRef,
          title,
          history: toHistoryEntry(old?.result, result),
        });
        results.set(ref, {
          result,
          stateBodyRef,
          title,
          changedAt: result.evaluatedAt,
        });
      } else {
        unchanged.push(ref);
        results.set(ref, {
          ...old,
          result: { ...old.result, evaluatedAt: result.evaluatedAt },
        });
      }
    });
    await this.store.writeScorecards(writes);
    if (unchanged.length > 0) {
      await this.store.touchScorecards(unchanged, now.toISOString());
    }
    return { results, changed: writes.length, factsInserted: inserted };
  }
}

/** The system's owner (its state body) as a full, lower-case entity ref. */
function ownerRefOf(system: StateInformationSystemEntity): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(system.spec.owner, {
        defaultKind: 'group',
        defaultNamespace: system.metadata.namespace ?? 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return String(system.spec.owner ?? '').toLocaleLowerCase('en-US');
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) {
      list.push(item);
    } else {
      map.set(k, [item]);
    }
  }
  return map;
}
