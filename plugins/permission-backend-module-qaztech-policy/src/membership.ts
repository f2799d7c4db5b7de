import { AuthService, UserInfoService } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  stringifyEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { durationToMilliseconds } from '@backstage/types';

/**
 * Where the policy learns which groups a person belongs to.
 *
 * @public
 */
export interface OwnershipResolver {
  /**
   * The person's user ref and the refs of the groups they are a member of,
   * in lower case.
   */
  ownershipOf(user: PolicyQueryUser): Promise<readonly string[]>;
}

/** The longest a membership may be cached: the 5-minute rule. @public */
export const MAX_MEMBERSHIP_TTL_MS = 5 * 60 * 1000;

/** The config key of the membership cache's lifetime. @public */
export const MEMBERSHIP_TTL_KEY = 'qaztech.roleMembership.cacheTtl';

/**
 * Reads `qaztech.roleMembership.cacheTtl` (default and maximum 5 minutes).
 * A longer or non-positive lifetime stops start-up: a person removed from a
 * role must lose it within 5 minutes.
 *
 * @public
 */
export function readMembershipTtlMs(config: Config): number {
  if (!config.has(MEMBERSHIP_TTL_KEY)) {
    return MAX_MEMBERSHIP_TTL_MS;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: MEMBERSHIP_TTL_KEY }),
    );
  } catch (e) {
    throw new InputError(`${MEMBERSHIP_TTL_KEY}: ${e}`);
  }
  if (!(ms > 0) || ms > MAX_MEMBERSHIP_TTL_MS) {
    throw new InputError(
      `${MEMBERSHIP_TTL_KEY} must be more than 0 and at most 5 minutes (a person removed from a role loses it within 5 minutes); got ${ms} ms`,
    );
  }
  return ms;
}

/** Looks up a User's groups; undefined when the User is not in the catalog. */
export type GroupLookup = (
  userEntityRef: string,
) => Promise<readonly string[] | undefined>;

/**
 * A {@link GroupLookup} that reads the User entity from the catalog (with
 * the permission plugin's own service credentials) and takes the targets of
 * its `memberOf` relations, as sign-in does.
 *
 * @public
 */
export function catalogGroupLookup(options: {
  catalog: CatalogService;
  auth: AuthService;
}): GroupLookup {
  return async userEntityRef => {
    const entity = await options.catalog.getEntityByRef(userEntityRef, {
      credentials: await options.auth.getOwnServiceCredentials(),
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'user') {
      return undefined;
    }
    return (entity.relations ?? [])
      .filter(relation => relation.type === RELATION_MEMBER_OF)
      .map(relation => relation.targetRef);
  };
}

function normalize(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref)).toLocaleLowerCase('en-US');
  } catch {
    return ref.toLocaleLowerCase('en-US');
  }
}

/**
 * Resolves a person's groups from the catalog, not from their token: the
 * token's ownership claims are fixed at sign-in and live as long as the
 * token, so a person taken out of a group would keep its role. Each
 * person's groups are cached (per token) for at most `ttlMs` (5 minutes by default and
 * at most), so a change in the catalog reaches every decision within that
 * time. Concurrent look-ups of one person share one catalog request;
 * failures are not cached (the decision fails rather than fall back to the
 * token). A person who is no longer in the catalog holds no group.
 *
 * @public
 */
export class CatalogOwnershipResolver implements OwnershipResolver {
  readonly #lookup: GroupLookup;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<
    string,
    { refs: readonly string[]; expiresAt: number }
  >();
  readonly #pending = new Map<string, Promise<readonly string[]>>();

  constructor(options: {
    lookup: GroupLookup;
    ttlMs?: number;
    /** The clock, for tests. */
    now?: () => number;
  }) {
    const ttlMs = options.ttlMs ?? MAX_MEMBERSHIP_TTL_MS;
    if (!(ttlMs > 0) || ttlMs > MAX_MEMBERSHIP_TTL_MS) {
      throw new InputError(
        `The membership cache lifetime must be more than 0 and at most ${MAX_MEMBERSHIP_TTL_MS} ms; got ${ttlMs}`,
      );
    }
    this.#lookup = options.lookup;
    this.#ttlMs = ttlMs;
    this.#now = options.now ?? Date.now;
  }

  async ownershipOf(user: PolicyQueryUser): Promise<readonly string[]> {
    // One entry per person and token: a new sign-in (or the app's renewal
    // of its token) asks the catalog again at once; the same token reuses
    // the answer for at most the lifetime.
    const expiresAt = user.credentials.expiresAt?.getTime();
    return this.ownershipOfRef(
      user.info.userEntityRef,
      expiresAt === undefined ? '' : String(expiresAt),
    );
  }

  /**
   * {@link CatalogOwnershipResolver.ownershipOf} by user ref; `session`
   * separates cache entries of one person (e.g. per token).
   */
  async ownershipOfRef(
    userEntityRef: string,
    session = '',
  ): Promise<readonly string[]> {
    const ref = normalize(userEntityRef);
    const key = `${ref}|${session}`;
    const cached = this.#cache.get(key);
    if (cached && cached.expiresAt > this.#now()) {
      return cached.refs;
    }
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#resolve(key, ref).finally(() =>
        this.#pending.delete(key),
      );
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #resolve(key: string, ref: string): Promise<readonly string[]> {
    const startedAt = this.#now();
    const groups = (await this.#lookup(ref)) ?? [];
    const refs = [ref, ...new Set(groups.map(normalize))];
    this.#evictExpired();
    // The lifetime counts from the request to the catalog, so an answer
    // that took long is not kept longer than the rule allows.
    this.#cache.set(key, { refs, expiresAt: startedAt + this.#ttlMs });
    return refs;
  }

  #evictExpired() {
    if (this.#cache.size < 1000) {
      return;
    }
    const now = this.#now();
    for (const [key, entry] of this.#cache) {
      if (entry.expiresAt <= now) {
        this.#cache.delete(key);
      }
    }
  }
}

/**
 * Takes the groups from the token's ownership claims, as they were at
 * sign-in. Only for unit tests and forks: the backend uses
 * {@link CatalogOwnershipResolver}.
 *
 * @public
 */
export class TokenOwnershipResolver implements OwnershipResolver {
  readonly #userInfo: UserInfoService;

  constructor(userInfo: UserInfoService) {
    this.#userInfo = userInfo;
  }

  async ownershipOf(user: PolicyQueryUser): Promise<readonly string[]> {
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  }
}
