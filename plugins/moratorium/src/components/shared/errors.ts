import { ResponseError } from '@backstage/errors';
import type { CompletenessProblem } from '@qaztech/plugin-moratorium-common';

/** The HTTP status of a backend error, if it is one. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof ResponseError) {
    return error.statusCode;
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The message the backend gave, or the error's own. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.cause.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The missing or wrong items a 400 names: the structured `problems` when the
 * backend sends them, else none (the message lists them).
 */
export function errorProblems(error: unknown): CompletenessProblem[] {
  if (!(error instanceof ResponseError)) {
    return [];
  }
  const body = error.body?.error as
    | { problems?: unknown; details?: { problems?: unknown } }
    | undefined;
  const problems = body?.problems ?? body?.details?.problems;
  if (!Array.isArray(problems)) {
    return [];
  }
  return problems.filter(
    (p): p is CompletenessProblem =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as CompletenessProblem).field === 'string' &&
      typeof (p as CompletenessProblem).message === 'string',
  );
}

/**
 * The items of a message that lists several ("... incomplete: purpose is
 * missing; cost.budgetProgramme is missing"), one per entry.
 */
export function messageItems(message: string): string[] {
  const colon = message.indexOf(':');
  const list = colon >= 0 ? message.slice(colon + 1) : message;
  const items = list
    .split(/\n|;\s*/)
    .map(item => item.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
  return items.length > 1 || colon >= 0 ? items : [message];
}
