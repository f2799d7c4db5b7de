import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A state body as the campaigns show it. */
export type StateBodyInfo = {
  title: string;
  /** User refs of the body's digitalization heads. */
  responsible: string[];
};

/** At most this many refs a catalog request. */
const BATCH = 200;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function membersOf(group: Entity | undefined): Set<string> {
  return new Set(
    (group?.relations ?? [])
      .filter(r => r.type === RELATION_HAS_MEMBER)
      .map(r => lower(r.targetRef)),
  );
}

/**
 * Reads state bodies from the catalog: their titles, and their
 * digitalization heads — the Users who are members of both the body's
 * Group and the heads' Group.
 */
export class StateBodyDirectory {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #headsGroup: string;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    headsGroup: string;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#headsGroup = lower(options.headsGroup);
  }

  async describe(bodyRefs: string[]): Promise<Map<string, StateBodyInfo>> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const refs = [...new Set(bodyRefs.map(lower))];
    const [heads] = (
      await this.#catalog.getEntitiesByRefs(
        {
          entityRefs: [this.#headsGroup],
          fields: ['kind', 'metadata', 'relations'],
        },
        { credentials },
      )
    ).items;
    const headRefs = membersOf(heads);
    const result = new Map<string, StateBodyInfo>();
    for (let i = 0; i < refs.length; i += BATCH) {
      const part = refs.slice(i, i + BATCH);
      const { items } = await this.#catalog.getEntitiesByRefs(
        {
          entityRefs: part,
          fields: ['kind', 'metadata', 'spec.profile', 'relations'],
        },
        { credentials },
      );
      part.forEach((ref, index) => {
        const group = items[index];
        const profile = group?.spec?.profile as
          | { displayName?: string }
          | undefined;
        result.set(ref, {
          title:
            profile?.displayName ??
            group?.metadata.title ??
            group?.metadata.name ??
            ref,
          responsible: [...membersOf(group)]
            .filter(member => headRefs.has(member))
            .sort(),
        });
      });
    }
    return result;
  }
}
