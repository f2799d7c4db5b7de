import { ResponseError } from '@backstage/errors';

/** The HTTP status of a backend error, if it is one. */
export function errorStatus(error: unknown): number | undefined {
  return error instanceof ResponseError ? error.statusCode : undefined;
}

/** The message the backend gave, or the error's own. */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message ?? error.cause?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
