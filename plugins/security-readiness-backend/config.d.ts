import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  securityReadiness?: {
    /**
     * The scorecard: its checks, level thresholds and defaults. When absent,
     * the default scorecard of 13 checks (weights summing to 100) is used. A
     * wrong check stops start-up with a message naming it.
     */
    scorecard?: {
      /**
       * The checks. Each has `id` (a slug), `area`, `title` and
       * `remediation` ({ ru, kk, en }), `weight`, optional
       * `criticalWeightFactor`, `applicability` (lifecycleStages, critical,
       * dataCategoriesAny, onPlatform, hostingKinds), `evaluation` (kind
       * entity, facts, attestation, entity+attestation or
       * facts-or-attestation, with its rule and params) and `hardGate`. A
       * fact rule may name the sources it trusts, e.g.
       * `sources: ['http:trivy', 'ci:*']`; facts from other sources are
       * ignored by the check (any source counts when it names none).
       */
      checks: Array<{ [key: string]: any }>;
      /** Level thresholds; `securityReadiness.levels` overrides them. */
      levels?: {
        ready: number;
        conditional: number;
      };
      /** How long an attestation counts unless a check says. Defaults to 12. */
      attestationValidityMonths?: number;
      /** How old a fact may be unless a check says. Defaults to 30 days. */
      factMaxAgeDays?: number;
    };
    /**
     * The level thresholds (scores 0–10, inclusive), over the scorecard's:
     * ready at or above `ready` (default 8.5), conditionally ready at or above
     * `conditional` (default 6), not ready below.
     */
    levels?: {
      ready: number;
      conditional: number;
    };
    schedule?: {
      /**
       * Task `security-readiness-evaluate` (global scope): evaluates every
       * system and runs the evaluations asked for through the API. Defaults
       * to every hour, with a 30 minute timeout.
       */
      evaluate?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Task `security-readiness-maintenance` (global scope): fact
       * retention, attestation reminders and sign-off drop notices. Defaults
       * to every 24 hours.
       */
      maintenance?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    facts?: {
      /**
       * Facts observed longer ago than this are deleted, except the newest
       * of each system, type and source. Defaults to 400 days.
       */
      retentionDays?: number;
      /**
       * How many minutes ahead of the server's clock a pushed fact's
       * `observedAt` may be (clock skew); a later one is a 400. Defaults to 5.
       */
      maxClockSkewMinutes?: number;
    };
    /**
     * Whether security officers may decide waivers of systems of their own
     * body (a group they belong to owns the system). Defaults to false.
     * Attesting and signing off one's own body's systems is refused
     * whatever this says.
     */
    allowOwnBody?: boolean;
    /**
     * What each static token (`backend.auth.externalAccess`, type static)
     * may push through `POST /facts`. A token whose subject is not listed
     * may push nothing; other backend plugins are not bound.
     */
    factSources?: Array<{
      /** The `subject` of the token's externalAccess entry, e.g. `ci-pipeline`. */
      subject: string;
      /**
       * The `source` every fact of the token must carry, e.g. `ci:gitlab`;
       * not a collector's name (`entity`, `http:*`).
       */
      source: string;
      /** Owner Group refs whose systems the token may report on. */
      ownerGroups?: string[];
      /** System refs the token may report on, besides the groups'. */
      systems?: string[];
    }>;
    attestations?: {
      /**
       * How many days before an attestation expires the system's owner is
       * told, and the review queue lists it. Defaults to 30.
       */
      remindDaysBefore?: number;
    };
    collectors?: {
      /**
       * The hosts (`name` or `name:port`) the HTTP collectors may call.
       * Defaults to each collector's own URL host; a collector URL on a host
       * not listed stops start-up, and a filled-in URL on another host, or
       * with `.` or `..` path segments (also percent-encoded), is refused.
       */
      allowedHosts?: string[];
      /**
       * External tools read over HTTP (JSON) for every system, e.g. a
       * vulnerability scanner or OpenSSF Scorecard results. A 404 means no
       * fact; other failures are logged and never fail a run.
       */
      http?: Array<{
        /** The collector's id (a slug); its facts have source `http:<id>`. */
        id: string;
        /** The type of the facts it yields, e.g. `vulnerabilities`. */
        factType: string;
        /**
         * The URL; `{namespace}`, `{name}` and `{repository}` (the system's
         * repository annotation) are filled in per system.
         */
        url: string;
        /**
         * Request headers, e.g. Authorization.
         * @deepVisibility secret
         */
        headers?: { [name: string]: string };
        /** The dot path of the fact's value in the response; the whole body by default. */
        valuePath?: string;
        /** The timeout of one request in milliseconds. Defaults to 10000. */
        timeoutMs?: number;
        /** How many systems are asked at once. Defaults to 4. */
        concurrency?: number;
      }>;
    };
    notifications?: {
      /** The language of notifications: ru (default), kk or en. */
      language?: 'ru' | 'kk' | 'en';
    };
  };
}
