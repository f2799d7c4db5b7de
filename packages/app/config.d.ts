export interface Config {
  qaztech?: {
    /**
     * The term the UI uses for a state system: "information-system"
     * (информационная система) or, after the Digital Code of 2026-01-09,
     * "digital-system" (цифровая система). Default: information-system.
     * @visibility frontend
     */
    terminology?: 'information-system' | 'digital-system';
    signIn?: {
      /**
       * Demo sign-in: the people the sign-in page offers, to act in each
       * role. Needs `auth.providers.demo` in the backend. When absent, the
       * page offers OIDC sign-in only.
       * @visibility frontend
       */
      demoUsers?: Array<{
        /**
         * Catalog User name (default namespace).
         * @visibility frontend
         */
        name: string;
        /**
         * Name shown on the card.
         * @visibility frontend
         */
        displayName?: string;
        /**
         * Role shown on the card: developer, digitalHead, platformArchitect,
         * secretary, commissionMember, securityOfficer, auditor or admin.
         * @visibility frontend
         */
        role?: string;
      }>;
    };
  };
}
