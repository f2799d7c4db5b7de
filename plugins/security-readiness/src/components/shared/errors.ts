import { ResponseError } from '@backstage/errors';

/** The HTTP status of a backend error, if it is one. */
export function errorStatus(error: unknown): number | undefined {
  if (error instanceof ResponseError) {
    return error.statusCode;
  }
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The message the backend gave, or the error's own. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.cause?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
