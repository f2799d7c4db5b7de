import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  EXEMPTIONS_CHANGED_TOPIC,
  ExemptionsChangedEvent,
} from '@qaztech/plugin-registry-common';

/**
 * Announces that systems' exemptions changed (a decision, a revocation, an
 * expiry) on the events topic `qaztech.registry.exemptions-changed`. The
 * registry catalog module forgets its cached exemptions of each system and
 * refreshes that one entity, and the register projection follows once the
 * catalog has processed it, so the system page shows the change within
 * seconds. Best effort: a failure is logged, and the catalog's own
 * processing and the register's sync catch up later.
 */
export class SystemRefresher {
  readonly #events: EventsService;
  readonly #logger: LoggerService;

  constructor(options: { events: EventsService; logger: LoggerService }) {
    this.#events = options.events;
    this.#logger = options.logger;
  }

  /** Announces each System entity ref once. */
  async refresh(systemRefs: Iterable<string>, action?: string): Promise<void> {
    for (const systemRef of new Set(systemRefs)) {
      const eventPayload: ExemptionsChangedEvent = {
        systemRef,
        ...(action ? { action } : {}),
      };
      try {
        await this.#events.publish({
          topic: EXEMPTIONS_CHANGED_TOPIC,
          eventPayload,
        });
      } catch (error) {
        this.#logger.warn('Could not announce a change of exemptions', {
          entityRef: systemRef,
          error: String(error),
        });
      }
    }
  }
}
