export interface Config {
  auth?: {
    providers?: {
      /**
       * Demo sign-in as any catalog User (development and demos only). It
       * starts only with `auth.environment: development` and a loopback
       * `backend.baseUrl` (localhost, 127.0.0.1, ::1), and accepts sign-in
       * requests only from the loopback; otherwise the backend refuses to
       * start, naming the settings. There is no override.
       */
      demo?: {};
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
