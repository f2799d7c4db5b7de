export interface Config {
  qaztech?: {
    /** The QazTech scaffolder actions. */
    scaffolder?: {
      /** Publishing templates on a machine without a git server. */
      localPublish?: {
        /**
         * Offers `qaztech:publish:local` and `qaztech:catalog:register-local`,
         * and lets the catalog take registered `file` locations (with
         * `catalogModuleLocalFileLocations`). False by default; development
         * only.
         */
        enabled?: boolean;
        /**
         * Where repositories are created, absolute or relative to the
         * backend's working directory; `qaztech-repositories` in the system's
         * temporary directory by default.
         */
        directory?: string;
      };
    };
  };
}
