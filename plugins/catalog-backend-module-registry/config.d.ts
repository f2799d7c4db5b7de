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
     * which are always believed) whose systems' own records are believed:
     * their creation date, platform status and exemption
     * (`spec.registry.createdAt`, `platform.onPlatform`,
     * `platform.exemption`), and their moving to another state body. A
     * system from anywhere else (a hand-written catalog-info.yaml, a
     * template) counts as created on the day the register first saw it, is
     * on the platform only when a platform inventory lists it, is exempted
     * only by a decision of an exemption source (the commission's), and keeps
     * its first state body. Paths are relative to the backend's working
     * directory, as in `catalog.locations`.
     */
    trustedRecordLocations?: string[];

    /**
     * The largest register export or platform inventory an import reads, in
     * bytes; a larger one fails the run and the last good import stays.
     * Defaults to 52428800 (50 MB).
     */
    maxImportBytes?: number;

    /**
     * Platform inventories: lists, kept by the platform itself, of the systems
     * deployed on it, with their cluster and Kubernetes namespace. A system
     * is on the platform for the moratorium rule only when an inventory lists
     * it (or a trusted register record says so); what a record claims itself
     * does not count. Each is read on a schedule, like the register imports.
     * The file is JSON: `{ "deployments": [ { "system":
     * "system:default/egov-portal", "cluster": "ast-prod-1", "namespace":
     * "egov-portal" } ] }`.
     */
    platformInventories?: Array<{
      /** Stable id (lower-case letters, digits, dashes); names the task. */
      id: string;
      /**
       * A file path, relative to the backend's working directory, or an
       * http(s) URL (read through the backend's UrlReader, so
       * `backend.reading.allow` must allow its host).
       */
      source: string;
      /**
       * When the import runs. Defaults to every 10 minutes, with a 5 minute
       * timeout and a first run 20 seconds after start-up.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    }>;

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
       * directory, or an http(s) URL, read through the backend's UrlReader
       * (so `backend.reading.allow` must allow its host). Credentials in the
       * URL are redacted wherever the source is shown.
       * @visibility secret
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
