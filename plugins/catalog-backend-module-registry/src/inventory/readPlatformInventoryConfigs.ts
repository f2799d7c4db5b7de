import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * One configured platform inventory (`registry.platformInventories[]`).
 *
 * @public
 */
export interface PlatformInventoryConfig {
  /** Stable id; names the scheduled task and the source of each entry. */
  id: string;
  /** A file path (relative to the backend's working directory) or an http(s) URL. */
  source: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

/**
 * The schedule of an inventory without one in config: every 10 minutes,
 * the first run 20 seconds after start-up.
 *
 * @public
 */
export const DEFAULT_INVENTORY_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { minutes: 10 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 20 },
  };

/**
 * Reads `registry.platformInventories`; an empty list when absent.
 *
 * @throws InputError when an id repeats
 * @public
 */
export function readPlatformInventoryConfigs(
  config: Config,
): PlatformInventoryConfig[] {
  const list = (
    config.getOptionalConfigArray('registry.platformInventories') ?? []
  ).map(c => ({
    id: c.getString('id'),
    source: c.getString('source'),
    schedule: c.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          c.getConfig('schedule'),
        )
      : DEFAULT_INVENTORY_SCHEDULE,
  }));
  const seen = new Set<string>();
  for (const { id } of list) {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
      throw new InputError(
        `registry.platformInventories: the id ${JSON.stringify(
          id,
        )} must be lower-case letters, digits and dashes`,
      );
    }
    if (seen.has(id)) {
      throw new InputError(
        `registry.platformInventories has the id ${id} more than once`,
      );
    }
    seen.add(id);
  }
  return list;
}
