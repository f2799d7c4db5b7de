import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  registry?: {
    /**
     * The first day of the moratorium (`YYYY-MM-DD`), used when a system
     * carries no status from the catalog module and the rule is evaluated
     * here. Defaults to 2026-01-01.
     */
    moratoriumStart?: string;
    sync?: {
      /**
       * How often the register projection is brought in step with the
       * catalog. Runs on one replica at a time. Defaults to every minute,
       * with a 10 minute timeout, starting 15 seconds after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    cache?: {
      /**
       * How long each replica serves counts, first pages of lists and the
       * statistics from memory. A sync that writes on the replica clears
       * them at once; another replica's writes show within this time.
       * Defaults to 5 seconds; 0 turns the cache off.
       */
      ttl?: HumanDuration | string;
    };
  };
}
