import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The deadline when `qaztech.lifecycle.shutdownTimeout` is not set. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * A bounded shutdown. On SIGTERM Backstage stops the plugins, then closes
 * the HTTP server, and in production the server waits for every open
 * connection to end: a browser's signals WebSocket or a long poll through
 * the load balancer keeps a replica alive long after its work has stopped
 * (seen in the two-replica test: «Task worker finished», then the process
 * stayed up). Once shutdown starts this module gives it
 * `qaztech.lifecycle.shutdownTimeout` (default 20 s, below Kubernetes' 30 s
 * grace period) and then ends the process with a warning naming the wait,
 * instead of hanging until the orchestrator kills it.
 *
 * @param options.exit - ends the process (tests give their own)
 */
export function createShutdownDeadlineModule(
  options: { exit?: (code: number) => void } = {},
) {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  return createBackendModule({
    pluginId: 'app',
    moduleId: 'shutdown-deadline',
    register(env) {
      env.registerInit({
        deps: {
          config: coreServices.rootConfig,
          lifecycle: coreServices.rootLifecycle,
          logger: coreServices.rootLogger,
        },
        async init({ config, lifecycle, logger }) {
          const key = 'qaztech.lifecycle.shutdownTimeout';
          const timeoutMs = config.has(key)
            ? durationToMilliseconds(readDurationFromConfig(config, { key }))
            : DEFAULT_SHUTDOWN_TIMEOUT_MS;
          lifecycle.addBeforeShutdownHook(() => {
            const timer = setTimeout(() => {
              logger.warn(
                `Shutdown did not finish within ${timeoutMs} ms (open connections such as WebSockets or long polls, or a hook still running); ending the process`,
              );
              exit(0);
            }, timeoutMs);
            // the deadline never keeps the process alive by itself
            timer.unref();
          });
        },
      });
    },
  });
}

/** The shutdown deadline as installed in the backend. */
export const shutdownDeadlineModule = createShutdownDeadlineModule();
