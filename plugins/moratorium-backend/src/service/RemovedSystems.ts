import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { RequestState } from '@qaztech/plugin-moratorium-common';
import { MoratoriumStore, SystemRequest } from '../database/MoratoriumStore';
import { MoratoriumService } from './MoratoriumService';

/** Undecided requests past submission: withdrawn when their system is gone. */
const UNDECIDED: RequestState[] = [
  'submitted',
  'platform-review',
  'ministry-review',
  'info-requested',
  'on-agenda',
  'deferred',
];

/** Approvals in force: revoked when their system is gone. */
const APPROVED: RequestState[] = ['approved', 'approved-with-conditions'];

/** Refs asked of the catalog at a time. */
const CHUNK = 200;

/** What one pass did. */
export type RemovedSystemsSummary = {
  /** Undecided requests withdrawn. */
  withdrawn: number;
  /** Approvals revoked. */
  revoked: number;
};

/**
 * Closes the requests about systems that have left the catalog, a step of
 * the scheduled task:
 *
 * - each pass looks up, in the catalog, every system that an undecided
 *   (submitted, not yet decided) request or an approval in force is about,
 *   and records when each one was first found missing;
 * - once a system has been missing on two passes in a row and for the grace
 *   period, its undecided requests are withdrawn (nothing is left to
 *   decide) and its approvals revoked, so they no longer count as an
 *   exemption for whatever is registered later under the same ref. The
 *   decision itself stays in the register of decisions, the audit chain
 *   says why, and the applicant is told;
 * - only requests about a system that was in the catalog are concerned: one
 *   about an existing system (submission checked it was there), or one about
 *   a planned system that a pass has seen registered. Drafts are the
 *   applicant's to correct: submission already refuses a missing system.
 *
 * A system found in the catalog again before then is forgotten as missing,
 * so a re-import that drops systems for a while changes nothing. When the
 * catalog cannot be read, nothing is recorded.
 */
export class RemovedSystems {
  readonly #store: MoratoriumStore;
  readonly #service: MoratoriumService;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #graceMs: number;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: {
    store: MoratoriumStore;
    service: MoratoriumService;
    catalog: CatalogService;
    auth: AuthService;
    /** `moratorium.removedSystems.graceHours`. */
    graceHours: number;
    logger: LoggerService;
    now?: () => Date;
  }) {
    this.#store = options.store;
    this.#service = options.service;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#graceMs = options.graceHours * 60 * 60 * 1000;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  /** One pass; safe to repeat. */
  async run(): Promise<RemovedSystemsSummary> {
    const summary: RemovedSystemsSummary = { withdrawn: 0, revoked: 0 };
    const states = [...UNDECIDED, ...APPROVED];
    const requests = await this.#store.listSystemRequests(states);
    const refs = [...new Set(requests.map(r => r.systemRef))];
    const present = await this.#present(refs);
    if (!present) {
      return summary;
    }
    const now = this.#now();
    // What earlier passes saw, read before this pass records its own.
    const before = new Map(
      (await this.#store.getSystemPresence(refs)).map(p => [p.systemRef, p]),
    );
    await this.#store.recordSystemPresence(
      refs.map(systemRef => ({ systemRef, present: present.has(systemRef) })),
      now,
      states,
    );

    for (const request of requests) {
      const seen = before.get(request.systemRef);
      if (
        present.has(request.systemRef) ||
        !seen?.missingSince ||
        now.getTime() - new Date(seen.missingSince).getTime() < this.#graceMs ||
        !(request.kind === 'existing' || seen.seenAt)
      ) {
        continue;
      }
      if (await this.#close(request, seen.missingSince)) {
        summary[
          APPROVED.includes(request.state) ? 'revoked' : 'withdrawn'
        ] += 1;
      }
    }
    return summary;
  }

  async #close(request: SystemRequest, missingSince: string) {
    const cause = {
      kind: 'system-left-catalog',
      systemRef: request.systemRef,
      missingSince,
    } as const;
    const closed = APPROVED.includes(request.state)
      ? await this.#service.systemTransition(
          request.id,
          {
            action: 'revoke',
            reason: `The system ${request.systemRef} is no longer in the catalog (missing since ${missingSince}).`,
          },
          cause,
        )
      : await this.#service.systemTransition(
          request.id,
          { action: 'withdraw' },
          cause,
        );
    if (closed) {
      this.#logger.info('Closed a request whose system has left the catalog', {
        requestNumber: request.number,
        from: request.state,
        systemRef: request.systemRef,
        missingSince,
      });
    }
    return closed;
  }

  /**
   * The refs (lower case) the catalog holds, or undefined when it could not
   * be read: a failed lookup must never count as a missing system.
   */
  async #present(refs: string[]): Promise<Set<string> | undefined> {
    // A ref the catalog could not even parse is never taken for a missing
    // system: it counts as present.
    const present = new Set<string>();
    const valid = refs.filter(ref => {
      let ok = false;
      try {
        ok = stringifyEntityRef(parseEntityRef(ref)) === ref;
      } catch {
        ok = false;
      }
      if (!ok) {
        present.add(ref);
      }
      return ok;
    });
    try {
      const credentials = await this.#auth.getOwnServiceCredentials();
      for (let i = 0; i < valid.length; i += CHUNK) {
        const chunk = valid.slice(i, i + CHUNK);
        const { items } = await this.#catalog.getEntitiesByRefs(
          {
            entityRefs: chunk,
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
          },
          { credentials },
        );
        chunk.forEach((ref, index) => {
          if (items[index]) {
            present.add(ref);
          }
        });
      }
    } catch (error) {
      this.#logger.warn(
        'Could not look up the systems of requests in the catalog; trying again on the next run',
        { error: String(error) },
      );
      return undefined;
    }
    return present;
  }
}
