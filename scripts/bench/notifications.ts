/*
 * yarn bench:notifications — how many campaign notifications a person gets
 * a day at national scale (issue 18, item 2):
 *   yarn bench:notifications [--size 10000] [--db postgres|sqlite]
 *     [--campaigns 2] [--days 7] [--runs 6]
 * Loads `size` synthetic systems into a fresh register projection
 * (PostgreSQL database `scale_notif_*`, dropped afterwards, or a SQLite
 * file), defines `campaigns` active platform campaigns over all of them
 * with a milestone just passed and one coming, and runs the real campaign
 * engine `runs` times a simulated day for `days` days (every 10 minutes in
 * production; here a few runs a day, the same rules), moving 1 % of the
 * still-legacy systems to the platform between runs so the picture keeps
 * changing. Notifications go to a counting notification service; group
 * recipients are expanded to their members (examples/org/people.yaml).
 * Prints notifications per person per day (max and mean), what the former
 * one-notice-a-system rule would have sent on the first day, the run time
 * and peak RSS, and PASS/FAIL for ≤ 3 a person a day. Figures go to
 * bench-results/notifications-<time>.json.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { knex as createKnex, Knex } from 'knex';
import { parseAllDocuments } from 'yaml';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DEFAULT_WORKING_CALENDAR } from '@qaztech/plugin-registry-common';
import { DatabaseRegistryStore } from '../../plugins/registry-backend/src/database/DatabaseRegistryStore';
import { DatabaseCampaignStore } from '../../plugins/registry-backend/src/database/DatabaseCampaignStore';
import { RegistrySystemInput } from '../../plugins/registry-backend/src/database/RegistryStore';
import { toRegistrySystem } from '../../plugins/registry-backend/src/service/toRegistrySystem';
import { CampaignEngine } from '../../plugins/registry-backend/src/campaigns/CampaignEngine';
import { CampaignNotifier } from '../../plugins/registry-backend/src/campaigns/CampaignNotifier';
import { CampaignsConfig } from '../../plugins/registry-backend/src/campaigns/readCampaignsConfig';
import { StateBodyInfo } from '../../plugins/registry-backend/src/campaigns/StateBodyDirectory';
import { PG, arg, intArg, writeResults } from './cli';
import { stateBodies, syntheticSystems } from './syntheticSystems';

const size = intArg('size', 10000);
const db = arg('db', 'postgres');
const campaignCount = intArg('campaigns', 2);
const days = intArg('days', 7);
const runs = intArg('runs', 6);
const LIMIT = 3;

/** A logger that keeps warnings and errors on stderr. */
const logger: LoggerService = {
  error: (message: string) => console.error(message),
  warn: (message: string) => console.error(message),
  info: () => {},
  debug: () => {},
  child: () => logger,
};
const HEADS = 'group:default/qaztech-digital-heads';

/** Members of each group, from the demo people. */
function membership(): Map<string, string[]> {
  const members = new Map<string, string[]>();
  const people = parseAllDocuments(
    readFileSync(resolve(__dirname, '../../examples/org/people.yaml'), 'utf8'),
  ).map(d => d.toJS() as any);
  for (const person of people.filter(Boolean)) {
    for (const group of person.spec?.memberOf ?? []) {
      const ref = `group:default/${group}`;
      members.set(ref, [
        ...(members.get(ref) ?? []),
        `user:default/${person.metadata.name}`,
      ]);
    }
  }
  return members;
}

async function main() {
  const dbName = `scale_notif_${process.pid}`;
  const sqliteDir =
    db === 'sqlite' ? mkdtempSync(join(tmpdir(), 'scale-notif-')) : '';
  const admin = createKnex({ client: 'pg', connection: PG });
  if (db === 'postgres') await admin.raw('CREATE DATABASE ??', [dbName]);
  const knex: Knex =
    db === 'sqlite'
      ? createKnex({
          client: 'better-sqlite3',
          connection: { filename: join(sqliteDir, 'registry.sqlite') },
          useNullAsDefault: true,
        })
      : createKnex({
          client: 'pg',
          connection: `${PG}/${dbName}`,
          pool: { min: 0, max: 5 },
        });
  try {
    const database = { getClient: async () => knex };
    const registry = await DatabaseRegistryStore.create({
      database,
      cacheTtlMs: 0,
    });
    let now = new Date('2026-04-01T04:00:00Z'); // Wednesday, 09:00 in Almaty
    const store = await DatabaseCampaignStore.create({
      database,
      now: () => now,
    });

    const at = new Date();
    const systems: RegistrySystemInput[] = syntheticSystems(size).map(e => {
      const mapped = toRegistrySystem(e, { at });
      if (!mapped.ok) throw new Error(`invalid ${mapped.entityRef}`);
      return mapped.system;
    });
    for (let i = 0; i < systems.length; i += 500) {
      await registry.upsertChanged(systems.slice(i, i + 500));
    }

    const members = membership();
    const heads = new Set(members.get(HEADS) ?? []);
    const titles = new Map(
      stateBodies().map(g => [
        `group:default/${g.metadata.name}`,
        String(g.metadata.title ?? g.metadata.name),
      ]),
    );
    const bodies = {
      async describe(refs: string[]): Promise<Map<string, StateBodyInfo>> {
        return new Map(
          refs.map(ref => [
            ref,
            {
              title: titles.get(ref) ?? ref,
              responsible: (members.get(ref) ?? []).filter(u => heads.has(u)),
            } as StateBodyInfo,
          ]),
        );
      },
    };
    const sent: Array<{ day: string; options: NotificationSendOptions }> = [];
    let today = '';
    const config: CampaignsConfig = {
      definitions: [],
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 10 } },
      atRiskWorkingDays: 5,
      calendar: DEFAULT_WORKING_CALENDAR,
      language: 'ru',
      headsGroup: HEADS,
      digestWeekday: 1,
      readinessEnabled: false,
    };
    const engine = new CampaignEngine({
      registry,
      store,
      bodies,
      notifier: new CampaignNotifier({
        // Every reader in Russian; groups are expanded to their members
        // when counting below, as the real sender expands them.
        sender: {
          async send(notification) {
            sent.push({
              day: today,
              options: {
                recipients: {
                  type: 'entity',
                  entityRef: notification.recipients,
                },
                payload: notification.render('ru'),
              },
            });
            return { ru: notification.recipients };
          },
        },
        logger,
        language: 'ru',
      }),
      logger,
      config,
      now: () => now,
    });
    await store.syncConfigCampaigns(
      Array.from({ length: campaignCount }, (_, i) => ({
        id: `bench-${i + 1}`,
        title: {
          ru: `Кампания ${i + 1}`,
          kk: `Науқан ${i + 1}`,
          en: `C${i + 1}`,
        },
        // The commission's secretary (МЦРИАП) runs the campaigns.
        owner: 'user:default/gulnara.akhmetova',
        scope: i === 0 ? {} : { critical: true },
        goal: {
          kind: 'platform-status' as const,
          statuses: ['on-platform', 'exempted'],
        },
        startDate: '2026-01-01',
        milestones: [
          { date: '2026-03-31', share: 0.6 },
          { date: '2026-04-07', share: 0.9 },
          { date: '2026-09-30', share: 1 },
        ],
        state: 'active' as const,
      })),
    );

    // What the former rule sent: one notice a late or at-risk system, to
    // every member of its body, on the first run.
    let formerPerPerson = 0;
    const runSeconds: number[] = [];
    let peakRssMb = 0;
    let legacy = systems.filter(s => s.platformStatus !== 'on-platform');
    for (let d = 0; d < days; d++) {
      for (let r = 0; r < runs; r++) {
        now = new Date(
          Date.parse('2026-04-01T04:00:00Z') +
            d * 86_400_000 +
            (r * (10 * 3_600_000)) / runs,
        );
        today = now.toISOString().slice(0, 10);
        const t0 = performance.now();
        await engine.run();
        runSeconds.push((performance.now() - t0) / 1000);
        peakRssMb = Math.max(
          peakRssMb,
          Math.round(process.memoryUsage().rss / 1048576),
        );
        if (d === 0 && r === 0) {
          const behind = new Map<string, number>();
          for (let c = 1; c <= campaignCount; c++) {
            for await (const batch of store.streamSystems(`bench-${c}`, [
              'late',
              'at-risk',
            ])) {
              for (const s of batch) {
                behind.set(
                  s.stateBodyRef,
                  (behind.get(s.stateBodyRef) ?? 0) + 1,
                );
              }
            }
          }
          formerPerPerson = Math.max(0, ...behind.values());
        }
        // 1 % of the legacy systems move to the platform before the next run.
        const moving = legacy.slice(0, Math.ceil(legacy.length / 100));
        legacy = legacy.slice(moving.length);
        await registry.upsertChanged(
          moving.map(s => ({ ...s, platformStatus: 'on-platform' as const })),
        );
      }
    }

    // Notifications per person per day, group recipients expanded.
    const perPersonDay = new Map<string, number>();
    const kinds = new Map<string, string[]>();
    for (const { day, options } of sent) {
      const refs =
        options.recipients.type === 'entity'
          ? [options.recipients.entityRef].flat()
          : [];
      const people = new Set(
        refs.flatMap(ref =>
          ref.startsWith('group:') ? members.get(ref) ?? [] : [ref],
        ),
      );
      for (const person of people) {
        const key = `${person} ${day}`;
        perPersonDay.set(key, (perPersonDay.get(key) ?? 0) + 1);
        kinds.set(key, [
          ...(kinds.get(key) ?? []),
          String(options.payload.scope).replace(/^registry:campaign:/, ''),
        ]);
      }
    }
    const counts = [...perPersonDay.values()];
    const worst = [...perPersonDay]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([key, n]) => ({ 'person and day': key, n, what: kinds.get(key) }));
    const max = Math.max(0, ...counts);
    const mean = counts.length
      ? counts.reduce((a, b) => a + b, 0) / counts.length
      : 0;
    const kept = await knex('registry_campaign_notices').count({ n: '*' });
    const figures = {
      size,
      db,
      campaigns: campaignCount,
      days,
      runsPerDay: runs,
      notifications: sent.length,
      noticesKept: Number(kept[0].n),
      perPersonPerDay: { max, mean: Math.round(mean * 100) / 100, worst },
      formerRuleFirstDayPerPerson: formerPerPerson,
      runSeconds: {
        first: Math.round(runSeconds[0] * 10) / 10,
        max: Math.round(Math.max(...runSeconds) * 10) / 10,
      },
      peakRssMb,
      result: max <= LIMIT ? 'PASS' : 'FAIL',
    };
    console.log(
      `\nnotifications: ${size} systems on ${db}, ${campaignCount} campaigns, ${days} days × ${runs} runs`,
    );
    console.table({
      'notifications sent': figures.notifications,
      'notices kept in the database': figures.noticesKept,
      'max per person per day': max,
      'mean per person per day (who got any)': figures.perPersonPerDay.mean,
      'former rule, first day, most per person': formerPerPerson,
      'campaign run, first (s)': figures.runSeconds.first,
      'campaign run, slowest (s)': figures.runSeconds.max,
      'peak RSS (MB)': peakRssMb,
    });
    console.table([
      {
        target: `per person per day ≤ ${LIMIT}`,
        value: max,
        result: figures.result,
      },
    ]);
    console.log(`figures written to ${writeResults('notifications', figures)}`);
    process.exitCode = figures.result === 'PASS' ? 0 : 1;
  } finally {
    await knex.destroy();
    if (db === 'postgres') {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [dbName]);
    } else {
      rmSync(sqliteDir, { recursive: true, force: true });
    }
    await admin.destroy();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch(e => {
    console.error(e);
    process.exit(1);
  });
