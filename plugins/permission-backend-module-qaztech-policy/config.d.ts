import { HumanDuration } from '@backstage/types';

export interface Config {
  qaztech?: {
    /**
     * How a person's groups (and so their roles) are read. The policy asks
     * the catalog for the User's `memberOf` relations rather than trusting
     * the claims the token got at sign-in, and caches the answer per person.
     */
    roleMembership?: {
      /**
       * How long one person's groups are cached: more than 0 and at most 5
       * minutes (the default). A person removed from a role group loses the
       * role within this time after the catalog has processed the change.
       * E.g. `{ minutes: 5 }` or `PT2M`.
       */
      cacheTtl?: HumanDuration | string;
    };
    /**
     * Which catalog Groups grant each role of the suite. A person holds a
     * role when they are a member of one of its groups. Roles left out keep
     * their default group, `group:default/qaztech-<role in kebab case>`
     * (for example `group:default/qaztech-commission-secretaries`).
     */
    roles?: {
      /** Government developers: register systems, file requests. */
      developer?: string[];
      /** Agency digitalization heads: sign and submit requests. */
      digitalHead?: string[];
      /** Platform architects: the feasibility review. */
      platformArchitect?: string[];
      /** Commission secretaries: agenda, decisions, protocols. */
      secretary?: string[];
      /** Commission members: votes. */
      commissionMember?: string[];
      /** Security officers: attestations, waivers, sign-off. */
      securityOfficer?: string[];
      /** Auditors: read everything, change nothing. */
      auditor?: string[];
      /** Platform administrators: everything in the suite. */
      admin?: string[];
    };
  };
}
