export interface Config {
  auth?: {
    providers?: {
      /**
       * Demo sign-in as any catalog User (development and demos only). The
       * backend refuses to start with it when NODE_ENV is production.
       */
      demo?: {
        /**
         * Start even in production. Only for a closed demonstration
         * environment: anyone can then act as anyone.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
  qaztech?: {
    demo?: {
      /**
       * Development only: a YAML file of tool facts (findings, OpenSSF
       * Scorecard, vulnerabilities, TLS probe) for demo systems, reported by
       * a fact collector as if just observed. Refused when NODE_ENV is
       * production.
       */
      readinessFacts?: string;
    };
  };
}
