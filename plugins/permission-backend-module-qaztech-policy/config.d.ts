export interface Config {
  qaztech?: {
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
