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
    lifecycle?: {
      /**
       * How long a shutdown (SIGTERM) may take before the process ends
       * anyway, as a duration (`{ seconds: 20 }` or an ISO/`'20s'`
       * string). Default 20 seconds; keep it below the orchestrator's grace
       * period (30 s in Kubernetes).
       */
      shutdownTimeout?: string | { [unit: string]: number };
    };
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
