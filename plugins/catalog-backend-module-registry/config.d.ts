import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  registry?: {
    /**
     * The first day of the moratorium on new systems outside the platform,
     * written YYYY-MM-DD. Systems created off the platform on or after it need
     * an approved exemption. Defaults to 2026-01-01.
     */
    moratoriumStart?: string;

    /**
     * Catalog files or URLs (besides the national register imports below,
     * which are always believed) whose systems' own record of an exemption
     * (`spec.registry.platform.exemption`) counts. A system from anywhere
     * else is exempted only by a decision of an exemption source (the
     * commission's, from the moratorium plugin), so a hand-written
     * catalog-info.yaml cannot exempt itself. Paths are relative to the
     * backend's working directory, as in `catalog.locations`.
     */
    trustedRecordLocations?: string[];

    /**
     * National register exports to import into the catalog, each as its own
     * entity provider running on a schedule.
     */
    imports?: Array<{
      /**
       * Stable id of the import; names the entity provider
       * (`registry-import:<id>`) and appears in the import log. Changing it
       * makes the catalog treat the systems as coming from a new provider.
       */
      id: string;
      /**
       * Where the export is: a file path, relative to the backend's working
       * directory, or an http(s) URL.
       */
      source: string;
      /**
       * The export's format. Defaults to the source's extension (.json or
       * .csv).
       */
      format?: 'json' | 'csv';
      /**
       * When the import runs. Defaults to every 30 minutes, with a 10 minute
       * timeout and a first run 30 seconds after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    }>;
  };
}
