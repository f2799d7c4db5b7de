import { parseEntityRef } from '@backstage/catalog-model';
import { RegistryOwnerStats } from '../../api';

/** A state body's display name: its title, else the name in its entity ref. */
export function ownerTitle(owner: Pick<RegistryOwnerStats, 'ref' | 'title'>) {
  if (owner.title) {
    return owner.title;
  }
  try {
    return parseEntityRef(owner.ref).name;
  } catch {
    return owner.ref;
  }
}
