import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  moratorium?: {
    /**
     * Working days allowed in each stage of a request, by state. Only the
     * states given replace the defaults: submitted 3, platform-review 10,
     * ministry-review 10, info-requested 10, deferred 20. A state absent
     * from both has no deadline.
     */
    deadlines?: {
      /** Working days for the secretary to take in a submitted request. */
      submitted?: number;
      /** Working days for the platform's feasibility review. */
      'platform-review'?: number;
      /** Working days for the ministry's review. */
      'ministry-review'?: number;
      /** Working days for the applicant to answer a request for information. */
      'info-requested'?: number;
      /** Working days for a deferred request to reach a later agenda. */
      deferred?: number;
      /** Working days before a deadline when everyone concerned is reminded. Defaults to 2. */
      reminderWorkingDays?: number;
    };
    /**
     * Public holidays (`YYYY-MM-DD`, Asia/Almaty), skipped by deadlines
     * besides weekends. When set, replaces the built-in list of Kazakhstan's
     * public holidays for 2025–2027.
     */
    holidays?: string[];
    commission?: {
      /**
       * The Groups whose members form the commission, as entity refs.
       * Defaults to `group:default/qaztech-commission-members`.
       */
      groups?: string[];
      /**
       * The share of eligible members whose votes (recusals aside) make a
       * quorum, between 0 and 1. Defaults to 0.5.
       */
      quorum?: number;
      /**
       * The share of votes (for, against and abstain) that votes "for" must
       * exceed for an approval, at least 0 and below 1. Defaults to 0.5.
       */
      majority?: number;
    };
    /**
     * The Groups of the commission's secretaries, who are told of every
     * submission and of deadlines. Defaults to
     * `group:default/qaztech-commission-secretaries`.
     */
    secretaryGroups?: string[];
    notifications?: {
      /** The language of notifications: ru (default), kk or en. */
      language?: 'ru' | 'kk' | 'en';
    };
    conditions?: {
      /**
       * Whether an approval is revoked when one of its conditions is
       * missed (its due date passed while still open). Defaults to true.
       */
      revokeOnMissed?: boolean;
    };
    /**
     * Whether the register of decisions (`GET /decisions`, its CSV export)
     * and the audit check (`GET /audit/verify`) answer without sign-in, as a
     * public record. Requests and dossiers always need sign-in. Defaults to
     * true.
     */
    publicRecord?: boolean;
    idempotency?: {
      /**
       * Hours the response to a write with an `Idempotency-Key` is kept, so
       * that a retry within them gets the same response instead of a second
       * write. Older keys are purged by the scheduled task. Defaults to 72.
       */
      retentionHours?: number;
    };
    removedSystems?: {
      /**
       * Hours a system must have been missing from the catalog before the
       * scheduled task closes the requests about it: undecided ones are
       * withdrawn, approvals revoked (the decision stays on record). The
       * system must also be found missing on two consecutive runs, so a
       * catalog re-import that briefly drops it changes nothing. Only
       * requests about a system that was in the catalog are concerned, never
       * those about a planned one. Defaults to 24.
       */
      graceHours?: number;
    };
    /**
     * How often deadlines, conditions and expiries are checked (reminders,
     * missed notices, revocations, expiries). Runs on one replica at a
     * time. Defaults to every 10 minutes.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * The audit record's signing keys and published checkpoints
     * (docs/audit.md). Entries and checkpoints are signed with an Ed25519
     * key held here, outside the database, so that whoever holds the
     * database cannot rewrite the record unseen. Without a signing key a key
     * is generated at start with a warning (development only; refused when
     * NODE_ENV is production).
     */
    audit?: {
      /**
       * The id of the signing key that signs new entries and checkpoints.
       * Defaults to the first of signingKeys.
       */
      activeKeyId?: string;
      /**
       * Ed25519 private keys (PKCS#8 PEM, e.g. from `openssl genpkey
       * -algorithm ed25519`), by id; the id is stored with each entry. Keep
       * the previous key here (or its public key in verificationKeys) after
       * a rotation so that older entries still verify.
       */
      signingKeys?: Array<{
        /** The key id: letters, digits, `.`, `_`, `-`. */
        id: string;
        /**
         * The PEM private key.
         * @visibility secret
         */
        privateKey: string;
      }>;
      /**
       * Public keys of retired signing keys, kept to verify the entries and
       * checkpoints they signed.
       */
      verificationKeys?: Array<{
        /** The retired key's id. */
        id: string;
        /** Its SPKI PEM public key. */
        publicKey: string;
      }>;
      checkpoints?: {
        /**
         * How often a signed checkpoint (entry count, head hash, time) is
         * published, on one replica at a time. Defaults to hourly.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Where checkpoints are published besides the public record in the
         * database: a file (one JSON line each; read back by verification)
         * or a URL (each POSTed as JSON).
         */
        sink?: {
          /** A file path, on storage the database administrator cannot write. */
          file?: string;
          /** An http(s) URL that receives each checkpoint as a JSON POST. */
          url?: string;
          /**
           * Headers sent with each POST, e.g. an Authorization header.
           * @visibility secret
           */
          headers?: { [name: string]: string };
        };
      };
    };
    ballot?: {
      /**
       * Whether the votes, their opinions and the tally of a request can be
       * read before the commission's decision. Defaults to false: until the
       * decision a member sees only their own vote and how many have voted,
       * so nobody can be pressured or follow the herd.
       */
      openBeforeDecision?: boolean;
    };
    exemption?: {
      /**
       * The longest an approval may last: its expiry is at most this many
       * months after the sitting that decides it. Defaults to 36.
       */
      maxMonths?: number;
    };
    /**
     * How many times the commission may defer one request; after that it
     * must decide it. Votes of every sitting stay on record. Defaults to 2.
     */
    maxDeferrals?: number;
    exemptionSource?: {
      /**
       * Seconds the catalog module keeps a system's exemptions before asking
       * the moratorium backend again. Defaults to 30.
       */
      cacheSeconds?: number;
    };
  };
}
