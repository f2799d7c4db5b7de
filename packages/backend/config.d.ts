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
}
