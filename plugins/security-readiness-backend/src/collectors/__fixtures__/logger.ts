import type { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps what was logged, children included. */
export function recordingLogger(): LoggerService & {
  messages: { level: string; message: string }[];
} {
  const messages: { level: string; message: string }[] = [];
  const make = (): LoggerService => ({
    error: message => void messages.push({ level: 'error', message }),
    warn: message => void messages.push({ level: 'warn', message }),
    info: message => void messages.push({ level: 'info', message }),
    debug: message => void messages.push({ level: 'debug', message }),
    child: () => make(),
  });
  return Object.assign(make(), { messages });
}
