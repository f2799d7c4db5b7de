import { Knex, knex as createKnex } from 'knex';

/** A task in the scheduler's table of a plugin's database. */
export interface RecordedTask {
  pluginId: string;
  taskId: string;
}

/**
 * Watches the scheduler's own table (`backstage_backend_tasks__tasks` in
 * each plugin's database) and records every run that ends: each run ends by
 * writing a new `last_run_ended_at`, and a run lasts at least as long as the
 * sampling interval between two ends of the same task, so none is missed.
 */
export class TaskRunRecorder {
  readonly #tasks: RecordedTask[];
  readonly #dbs = new Map<string, Knex>();
  readonly #ends = new Map<string, Set<string>>();
  #initial = new Map<string, string | undefined>();
  #timer?: NodeJS.Timeout;
  #sampling?: Promise<void>;

  constructor(options: {
    connection: string;
    prefix: string;
    tasks: RecordedTask[];
  }) {
    this.#tasks = options.tasks;
    for (const { pluginId } of options.tasks) {
      if (!this.#dbs.has(pluginId)) {
        this.#dbs.set(
          pluginId,
          createKnex({
            client: 'pg',
            connection: `${options.connection.replace(/\/$/, '')}/${
              options.prefix
            }${pluginId}`,
            pool: { min: 0, max: 1 },
          }),
        );
      }
    }
  }

  /** Starts sampling every `intervalMs`; the ends seen at start are not runs. */
  async start(intervalMs = 400): Promise<void> {
    this.#initial = await this.#sample();
    for (const { taskId } of this.#tasks) {
      this.#ends.set(taskId, new Set());
    }
    const tick = () => {
      this.#sampling = this.#sample()
        .then(sample => {
          for (const [taskId, end] of sample) {
            if (end) this.#ends.get(taskId)?.add(end);
          }
        })
        .catch(() => {})
        .finally(() => {
          if (this.#timer) this.#timer = setTimeout(tick, intervalMs);
        });
    };
    this.#timer = setTimeout(tick, intervalMs);
  }

  /**
   * Stops sampling and returns, per task id, the end times of the runs that
   * ended since {@link start}.
   */
  async stop(): Promise<Map<string, number[]>> {
    const timer = this.#timer;
    this.#timer = undefined;
    clearTimeout(timer);
    await this.#sampling;
    const result = new Map<string, number[]>();
    for (const [taskId, ends] of this.#ends) {
      // The value there before start is no run of the window.
      ends.delete(this.#initial.get(taskId) ?? '');
      result.set(
        taskId,
        [...ends].map(e => Date.parse(e)).sort((a, b) => a - b),
      );
    }
    return result;
  }

  async destroy(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#sampling;
    await Promise.all([...this.#dbs.values()].map(db => db.destroy()));
  }

  async #sample(): Promise<Map<string, string | undefined>> {
    const sample = new Map<string, string | undefined>();
    for (const { pluginId, taskId } of this.#tasks) {
      const row = await this.#dbs.get(pluginId)!(
        'backstage_backend_tasks__tasks',
      )
        .where({ id: taskId })
        .first('last_run_ended_at');
      const end = row?.last_run_ended_at;
      sample.set(
        taskId,
        end ? new Date(end as string | Date).toISOString() : undefined,
      );
    }
    return sample;
  }
}
