import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';

/** Options of {@link withDecisionCache}. */
export interface DecisionCacheOptions {
  /** How long a decision is reused, in milliseconds; 5 s by default. */
  ttlMs?: number;
  /** At most this many principal+permission decisions are kept; 10,000 by default. */
  maxEntries?: number;
}

type Entry = { at: number; decision: Promise<unknown> };

/** Who asks, as a cache key; undefined for anyone else (never cached). */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return undefined;
}

/**
 * Wraps a permissions service so that the decision on one basic permission
 * (no resource) for one principal is asked once and reused for a few
 * seconds: a register page, its statistics and its export each ask the
 * same question on every request, and at national scale the answers, not
 * the queries, were the largest cost per request. Only decisions are kept
 * (ALLOW or DENY as the policy answered); a failure to ask (the permission
 * backend unreachable) is never kept, so the next request asks again.
 * Resource and conditional decisions, several permissions in one call and
 * calls without a user or service principal pass through unchanged.
 *
 * A change of a person's roles takes effect after at most `ttlMs`.
 *
 * @public
 */
export function withDecisionCache(
  permissions: PermissionsService,
  options: DecisionCacheOptions = {},
): PermissionsService {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();

  const authorize: PermissionsService['authorize'] = (requests, opts) => {
    const request = requests.length === 1 ? requests[0] : undefined;
    const principal = principalKey(opts.credentials);
    if (
      ttlMs <= 0 ||
      !request ||
      !principal ||
      'resourceRef' in request ||
      request.permission.type !== 'basic'
    ) {
      return permissions.authorize(requests, opts);
    }
    const key = `${principal}\n${request.permission.name}`;
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && now - hit.at < ttlMs) {
      return hit.decision as ReturnType<PermissionsService['authorize']>;
    }
    const decision = permissions.authorize(requests, opts);
    const entry: Entry = { at: now, decision };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) {
      entries.delete(entries.keys().next().value!);
    }
    decision.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return decision;
  };

  return {
    authorize,
    authorizeConditional: (requests, opts) =>
      permissions.authorizeConditional(requests, opts),
  };
}
