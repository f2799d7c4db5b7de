import { LoggerService } from '@backstage/backend-plugin-api';
import { AuditCheckpoint } from '@qaztech/plugin-moratorium-common';
import { DatabaseAuditLog } from './DatabaseAuditLog';

/** The id of the scheduled task; tests trigger it by this id. */
export const AUDIT_CHECKPOINT_TASK_ID = 'moratorium-audit-checkpoints';

/** Hourly, on one replica at a time. */
export const DEFAULT_CHECKPOINT_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { minutes: 1 },
};

/**
 * The scheduled task that publishes signed checkpoints of the audit chain:
 * to the public record (the checkpoints table, `GET /audit/checkpoints`)
 * and then to the configured sink outside the database. A chain that does
 * not extend the last checkpoint gets none, and the task logs why.
 */
export class CheckpointPublisher {
  readonly #audit: DatabaseAuditLog;
  readonly #logger: LoggerService;

  constructor(options: { audit: DatabaseAuditLog; logger: LoggerService }) {
    this.#audit = options.audit;
    this.#logger = options.logger;
  }

  /** Publishes one checkpoint; throws when it could not (the task logs it). */
  async run(): Promise<AuditCheckpoint> {
    let checkpoint: AuditCheckpoint;
    try {
      checkpoint = await this.#audit.createCheckpoint();
    } catch (error) {
      this.#logger.error(
        `Audit checkpoint refused: ${(error as Error).message}`,
      );
      throw error;
    }
    this.#logger.info(
      `Audit checkpoint published: ${checkpoint.count} entries, head ${checkpoint.headHash}, key ${checkpoint.keyId}`,
      { count: checkpoint.count, headHash: checkpoint.headHash },
    );
    const sink = this.#audit.sinkDescription;
    if (sink) {
      try {
        await this.#audit.publishToSink(checkpoint);
      } catch (error) {
        this.#logger.error(
          `Audit checkpoint of ${
            checkpoint.count
          } entries not delivered to ${sink}: ${(error as Error).message}`,
        );
        throw error;
      }
    }
    return checkpoint;
  }
}
