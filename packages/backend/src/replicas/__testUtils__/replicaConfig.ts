import { generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';

/** The repository's demo data. */
export const EXAMPLES = resolve(__dirname, '../../../../../examples');

/** The demo catalog files the replicas load: state bodies, people, systems. */
export const CATALOG_FILES = [
  'org/state-bodies.yaml',
  'org/roles.yaml',
  'org/people.yaml',
  'systems/state-information-systems.yaml',
].map(file => resolve(EXAMPLES, file));

/**
 * The audit signing key every replica shares, as production's Secret gives
 * it to all of them (each would otherwise generate its own).
 */
const AUDIT_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({
  format: 'pem',
  type: 'pkcs8',
}) as string;

/** The cadence of every task under test, in seconds. */
export const CADENCE_SECONDS = 5;
/** The timeout of the evaluation task, in seconds (the one the test kills). */
export const EVALUATE_TIMEOUT_SECONDS = 20;
/** The id of the import source the replicas read. */
export const IMPORT_SOURCE_ID = 'regional-register';

/**
 * The scheduled tasks under test: the plugin whose database holds each in
 * the scheduler's table, and its id there.
 */
export const TASKS = {
  import: {
    pluginId: 'catalog',
    taskId: `registry-import:${IMPORT_SOURCE_ID}:refresh`,
  },
  sync: { pluginId: 'registry', taskId: 'registry-sync' },
  deadlines: { pluginId: 'moratorium', taskId: 'moratorium-deadlines' },
  evaluate: {
    pluginId: 'security-readiness',
    taskId: 'security-readiness-evaluate',
  },
} as const;

/** What differs between replicas, and what they share. */
export interface ReplicaConfigOptions {
  /** A, B: sent to the scanner so the test knows who is collecting. */
  name: string;
  port: number;
  /** The PostgreSQL server both replicas use. */
  connection: string;
  /** The database prefix of this test run, the same for both replicas. */
  prefix: string;
  /** The register export the import reads (a copy the test may change). */
  importSource: string;
  /** The base URL of the scanner stub the readiness collector reads. */
  scannerUrl: string;
}

function every(seconds: number, timeoutSeconds: number) {
  return {
    frequency: { seconds },
    timeout: { seconds: timeoutSeconds },
    initialDelay: { seconds: 3 },
  };
}

/**
 * The configuration of one replica: production-like (PostgreSQL, the real
 * scheduler, permissions on) with the cadences of the import, the register
 * sync, the moratorium's deadline scan and the readiness evaluation cut to
 * a few seconds.
 */
export function replicaConfig(options: ReplicaConfigOptions) {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port: options.port },
      database: {
        client: 'pg',
        connection: options.connection,
        prefix: options.prefix,
      },
    },
    auth: { environment: 'development', providers: { demo: {} } },
    permission: { enabled: true },
    catalog: {
      rules: [{ allow: ['System', 'Group', 'User', 'Location'] }],
      locations: CATALOG_FILES.map(target => ({ type: 'file', target })),
    },
    registry: {
      trustedRecordLocations: [CATALOG_FILES[3]],
      sync: { schedule: every(CADENCE_SECONDS, 30) },
      imports: [
        {
          id: IMPORT_SOURCE_ID,
          source: options.importSource,
          format: 'csv',
          schedule: every(CADENCE_SECONDS, 30),
        },
      ],
    },
    moratorium: {
      // A submitted request's first deadline is a working day away, so its
      // reminder (two working days before) is due at once: the deadline
      // scan then has exactly one notice to send.
      deadlines: { submitted: 1, reminderWorkingDays: 2 },
      schedule: every(CADENCE_SECONDS, 30),
      audit: {
        signingKeys: [{ id: 'replicas', privateKey: AUDIT_SIGNING_KEY }],
      },
    },
    securityReadiness: {
      schedule: {
        evaluate: every(CADENCE_SECONDS, EVALUATE_TIMEOUT_SECONDS),
        maintenance: {
          frequency: { hours: 24 },
          timeout: { minutes: 5 },
          initialDelay: { hours: 1 },
        },
      },
      collectors: {
        http: [
          {
            id: 'scanner',
            factType: 'vulnerabilities',
            url: `${options.scannerUrl}/scan/{namespace}/{name}`,
            headers: { 'x-replica': options.name },
            // One system at a time, so that a slow scanner makes a long run.
            concurrency: 1,
            timeoutMs: 5000,
          },
        ],
      },
    },
  };
}
