import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** `e-licensing` or `system:e-licensing` → `system:default/e-licensing`. */
export function toSystemRef(system: string, field = 'system'): string {
  let ref;
  try {
    ref = parseEntityRef(system, { defaultKind: 'system' });
  } catch (error) {
    throw new InputError(`${field}: ${(error as Error).message}`);
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'system') {
    throw new InputError(
      `${field}: must name a System, got ${JSON.stringify(system)}`,
    );
  }
  return stringifyEntityRef(ref);
}
