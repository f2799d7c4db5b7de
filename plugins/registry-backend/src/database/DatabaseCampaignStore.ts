import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Campaign,
  CampaignBodyProgress,
  CampaignHistoryPoint,
  CampaignInput,
  CampaignState,
  CampaignSummary,
  CampaignSystemPage,
  ProgressStatus,
  SystemCampaign,
  canMoveCampaign,
} from '@qaztech/plugin-registry-common';
import { Knex } from 'knex';
import {
  CampaignComputation,
  CampaignNotice,
  CampaignNoticeKind,
  CampaignStore,
  CampaignSystemRow,
  CampaignWrite,
  ReadinessRow,
} from './CampaignStore';

const CAMPAIGNS = 'registry_campaigns';
const PROGRESS = 'registry_campaign_progress';
const BODIES = 'registry_campaign_bodies';
const HISTORY = 'registry_campaign_history';
const READINESS = 'registry_readiness';
const NOTIFICATIONS = 'registry_campaign_notifications';
const ENTRIES = 'registry_campaign_entries';
const NOTICES = 'registry_campaign_notices';

/** Keeps IN lists and multi-row inserts well below every driver's limits. */
const CHUNK = 200;

type CampaignRow = {
  id: string;
  title: string;
  description: string | null;
  owner: string;
  scope: string;
  goal: string;
  start_date: string;
  milestones: string;
  state: CampaignState;
  source: Campaign['source'];
  version: number;
  created_at: string;
  updated_at: string;
  summary: string | null;
};

type ProgressRow = {
  campaign_id: string;
  entity_ref: string;
  state_body_ref: string;
  title: string;
  status: ProgressStatus;
  done: boolean | number;
  what_to_do: string;
};

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    title: JSON.parse(row.title),
    ...(row.description ? { description: JSON.parse(row.description) } : {}),
    owner: row.owner,
    scope: JSON.parse(row.scope),
    goal: JSON.parse(row.goal),
    startDate: row.start_date,
    milestones: JSON.parse(row.milestones),
    state: row.state,
    source: row.source,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toSummary(row: CampaignRow): CampaignSummary {
  const campaign = toCampaign(row);
  if (!row.summary) {
    return campaign;
  }
  return { ...campaign, progress: JSON.parse(row.summary) };
}

function definitionColumns(input: CampaignInput) {
  return {
    title: JSON.stringify(input.title),
    description: input.description ? JSON.stringify(input.description) : null,
    owner: input.owner,
    scope: JSON.stringify(input.scope),
    goal: JSON.stringify(input.goal),
    start_date: input.startDate,
    milestones: JSON.stringify(input.milestones),
  };
}

function toSystemRow(row: ProgressRow): CampaignSystemRow {
  return {
    entityRef: row.entity_ref,
    stateBodyRef: row.state_body_ref,
    title: JSON.parse(row.title),
    status: row.status,
    done: Boolean(row.done),
    whatToDo: JSON.parse(row.what_to_do),
  };
}

function encodeCursor(entityRef: string): string {
  return Buffer.from(JSON.stringify(['campaign-systems', entityRef])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed[0] === 'campaign-systems' &&
      typeof parsed[1] === 'string'
    ) {
      return parsed[1];
    }
  } catch {
    // falls through to the error below
  }
  throw new InputError(
    'cursor is not valid: pass the nextCursor of the previous page',
  );
}

/**
 * Campaigns in the registry plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseCampaignStore implements CampaignStore {
  /** Runs the migrations (unless skipped) and returns the store. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** The clock of `createdAt`, `updatedAt` and notification records. */
    now?: () => Date;
  }): Promise<DatabaseCampaignStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({
        directory: resolvePackagePath(
          '@qaztech/plugin-registry-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseCampaignStore(client, options.now ?? (() => new Date()));
  }

  private constructor(
    private readonly db: Knex,
    private readonly now: () => Date,
  ) {}

  async listCampaigns(
    filter: { states?: CampaignState[] } = {},
  ): Promise<CampaignSummary[]> {
    const query = this.db<CampaignRow>(CAMPAIGNS).select('*');
    if (filter.states?.length) {
      query.whereIn('state', filter.states);
    }
    const rows: CampaignRow[] = await query.orderBy([
      { column: 'start_date', order: 'desc' },
      { column: 'id', order: 'asc' },
    ]);
    return rows.map(toSummary);
  }

  async getCampaign(id: string): Promise<CampaignSummary | undefined> {
    const row = await this.db<CampaignRow>(CAMPAIGNS).where({ id }).first();
    return row ? toSummary(row) : undefined;
  }

  async #require(id: string): Promise<Campaign> {
    const found = await this.getCampaign(id);
    if (!found) {
      throw new NotFoundError(`No campaign ${id}`);
    }
    return found;
  }

  async createCampaign(
    campaign: CampaignWrite,
    by: string,
    source: Campaign['source'] = 'app',
  ): Promise<Campaign> {
    const at = this.now().toISOString();
    try {
      await this.db(CAMPAIGNS).insert({
        id: campaign.id,
        ...definitionColumns(campaign),
        state: campaign.state,
        source,
        version: 1,
        created_by: by,
        updated_by: by,
        created_at: at,
        updated_at: at,
        summary: null,
      });
    } catch (error) {
      if (await this.getCampaign(campaign.id)) {
        throw new ConflictError(
          `A campaign with id ${campaign.id} already exists; choose another id`,
        );
      }
      throw error;
    }
    return this.#require(campaign.id);
  }

  async #conditionalUpdate(
    id: string,
    version: number,
    columns: Record<string, unknown>,
    by: string,
    check: (current: Campaign) => void,
  ): Promise<Campaign> {
    const current = await this.#require(id);
    check(current);
    const updated = await this.db(CAMPAIGNS)
      .where({ id, version })
      .update({
        ...columns,
        version: version + 1,
        updated_by: by,
        updated_at: this.now().toISOString(),
      });
    if (!updated) {
      throw new ConflictError(
        `Campaign ${id} was changed by someone else (now version ${
          (await this.#require(id)).version
        }, you sent ${version}); reload it and try again`,
      );
    }
    return this.#require(id);
  }

  async updateCampaign(
    id: string,
    input: CampaignInput,
    version: number,
    by: string,
  ): Promise<Campaign> {
    return this.#conditionalUpdate(
      id,
      version,
      definitionColumns(input),
      by,
      current => {
        if (current.source === 'config') {
          throw new ConflictError(
            `Campaign ${id} is defined in the app configuration; change it there`,
          );
        }
      },
    );
  }

  async setState(
    id: string,
    state: CampaignState,
    version: number,
    by: string,
  ): Promise<Campaign> {
    return this.#conditionalUpdate(id, version, { state }, by, current => {
      if (!canMoveCampaign(current.state, state)) {
        throw new ConflictError(
          `Campaign ${id} is ${current.state}; it cannot become ${state}`,
        );
      }
    });
  }

  async syncConfigCampaigns(
    campaigns: CampaignWrite[],
  ): Promise<{ clashes: string[] }> {
    const clashes: string[] = [];
    await this.db.transaction(async tx => {
      const existing = new Map<string, CampaignRow>(
        (await tx<CampaignRow>(CAMPAIGNS).select('*')).map(r => [r.id, r]),
      );
      const at = this.now().toISOString();
      for (const campaign of campaigns) {
        const row = existing.get(campaign.id);
        if (row && row.source !== 'config') {
          clashes.push(campaign.id);
          continue;
        }
        const columns = {
          ...definitionColumns(campaign),
          state: campaign.state,
        };
        if (!row) {
          await tx(CAMPAIGNS).insert({
            id: campaign.id,
            ...columns,
            source: 'config',
            version: 1,
            created_by: null,
            updated_by: null,
            created_at: at,
            updated_at: at,
            summary: null,
          });
          continue;
        }
        const changed = Object.entries(columns).some(
          ([key, value]) => (row as Record<string, unknown>)[key] !== value,
        );
        if (changed) {
          await tx(CAMPAIGNS)
            .where({ id: campaign.id })
            .update({ ...columns, version: row.version + 1, updated_at: at });
        }
      }
      const keep = new Set(campaigns.map(c => c.id));
      const removed = [...existing.values()]
        .filter(r => r.source === 'config' && !keep.has(r.id))
        .map(r => r.id);
      for (const part of chunks(removed)) {
        for (const table of [
          PROGRESS,
          BODIES,
          HISTORY,
          NOTIFICATIONS,
          ENTRIES,
          NOTICES,
        ]) {
          await tx(table).whereIn('campaign_id', part).delete();
        }
        await tx(CAMPAIGNS).whereIn('id', part).delete();
      }
    });
    return { clashes };
  }

  async saveComputation(
    campaignId: string,
    computation: CampaignComputation,
  ): Promise<void> {
    const { summary, bodies, systems, date, writeHistory } = computation;
    // Replicas may compute the same campaign at once (a change on one while
    // the task runs on another): the inserts merge, so the later one wins
    // instead of failing on the primary key.
    await this.db.transaction(async tx => {
      await tx(PROGRESS).where({ campaign_id: campaignId }).delete();
      for (const part of chunks(systems)) {
        await tx(PROGRESS)
          .insert(
            part.map(s => ({
              campaign_id: campaignId,
              entity_ref: lower(s.entityRef),
              state_body_ref: lower(s.stateBodyRef),
              title: JSON.stringify(s.title),
              status: s.status,
              done: s.done,
              what_to_do: JSON.stringify(s.whatToDo),
            })),
          )
          .onConflict(['campaign_id', 'entity_ref'])
          .merge();
      }
      await tx(BODIES).where({ campaign_id: campaignId }).delete();
      for (const part of chunks(bodies)) {
        await tx(BODIES)
          .insert(
            part.map(b => ({
              campaign_id: campaignId,
              state_body_ref: lower(b.stateBodyRef),
              title: b.title,
              responsible: JSON.stringify(b.responsible),
              total: b.total,
              done: b.done,
              status: b.status,
            })),
          )
          .onConflict(['campaign_id', 'state_body_ref'])
          .merge();
      }
      if (writeHistory) {
        const rows = [
          {
            campaign_id: campaignId,
            date,
            state_body_ref: '',
            total: summary.total,
            done: summary.done,
          },
          ...bodies.map(b => ({
            campaign_id: campaignId,
            date,
            state_body_ref: lower(b.stateBodyRef),
            total: b.total,
            done: b.done,
          })),
        ];
        for (const part of chunks(rows)) {
          await tx(HISTORY)
            .insert(part)
            .onConflict(['campaign_id', 'state_body_ref', 'date'])
            .merge(['total', 'done']);
        }
      }
      await tx(CAMPAIGNS)
        .where({ id: campaignId })
        .update({ summary: JSON.stringify(summary) });
    });
  }

  async listBodies(campaignId: string): Promise<CampaignBodyProgress[]> {
    const rows = await this.db(BODIES)
      .where({ campaign_id: campaignId })
      .select('*');
    return rows.map(row => {
      const total = Number(row.total);
      const done = Number(row.done);
      return {
        stateBodyRef: row.state_body_ref,
        title: row.title,
        responsible: JSON.parse(row.responsible),
        total,
        done,
        share: total > 0 ? done / total : 1,
        status: row.status,
      };
    });
  }

  #systemsQuery(
    campaignId: string,
    options: { stateBody?: string; status?: ProgressStatus[] },
  ) {
    const query = this.db<ProgressRow>(PROGRESS).where({
      campaign_id: campaignId,
    });
    if (options.stateBody) {
      query.where('state_body_ref', lower(options.stateBody));
    }
    if (options.status?.length) {
      query.whereIn('status', options.status);
    }
    return query;
  }

  async listSystems(
    campaignId: string,
    options: {
      stateBody?: string;
      status?: ProgressStatus[];
      limit: number;
      cursor?: string;
    },
  ): Promise<CampaignSystemPage> {
    const page = this.#systemsQuery(campaignId, options)
      .select('*')
      .orderBy('entity_ref')
      .limit(options.limit + 1);
    if (options.cursor) {
      page.where('entity_ref', '>', decodeCursor(options.cursor));
    }
    const [rows, count] = await Promise.all([
      page,
      this.#systemsQuery(campaignId, options).count({ n: '*' }).first(),
    ]);
    const items = (rows as ProgressRow[]).slice(0, options.limit);
    return {
      items: items.map(toSystemRow),
      ...(rows.length > options.limit
        ? { nextCursor: encodeCursor(items[items.length - 1].entity_ref) }
        : {}),
      totalCount: Number((count as { n?: unknown } | undefined)?.n ?? 0),
    };
  }

  async *streamSystems(
    campaignId: string,
    status: ProgressStatus[],
    batchSize = 500,
  ): AsyncIterable<CampaignSystemRow[]> {
    let after: string | undefined;
    for (;;) {
      const query = this.#systemsQuery(campaignId, { status })
        .select('*')
        .orderBy('entity_ref')
        .limit(batchSize);
      if (after !== undefined) {
        query.where('entity_ref', '>', after);
      }
      const rows = (await query) as ProgressRow[];
      if (rows.length) {
        yield rows.map(toSystemRow);
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  async history(
    campaignId: string,
    options: { stateBody?: string; byBody?: boolean } = {},
  ): Promise<CampaignHistoryPoint[]> {
    const query = this.db(HISTORY)
      .where({ campaign_id: campaignId })
      .select('date', 'state_body_ref', 'total', 'done')
      .orderBy([{ column: 'date' }, { column: 'state_body_ref' }]);
    if (options.stateBody) {
      query.where('state_body_ref', lower(options.stateBody));
    } else if (!options.byBody) {
      query.where('state_body_ref', '');
    }
    const points = new Map<string, CampaignHistoryPoint>();
    for (const row of await query) {
      const total = Number(row.total);
      const done = Number(row.done);
      const isTotal = row.state_body_ref === '' || options.stateBody;
      let point = points.get(row.date);
      if (!point) {
        point = { date: row.date, total: 0, done: 0, share: 0 };
        points.set(row.date, point);
      }
      if (isTotal) {
        Object.assign(point, {
          total,
          done,
          share: total > 0 ? done / total : 1,
        });
      } else {
        point.byBody = {
          ...point.byBody,
          [row.state_body_ref]: { total, done },
        };
      }
    }
    return [...points.values()];
  }

  async systemCampaigns(entityRef: string): Promise<SystemCampaign[]> {
    const rows = await this.db(`${PROGRESS} as p`)
      .join(`${CAMPAIGNS} as c`, 'c.id', 'p.campaign_id')
      .where('p.entity_ref', lower(entityRef))
      .whereNot('c.state', 'archived')
      .select(
        'c.*',
        'p.status as system_status',
        'p.done as system_done',
        'p.what_to_do as system_what_to_do',
      )
      .orderBy('c.id');
    return rows.map(row => {
      const summary = toSummary(row as CampaignRow);
      return {
        id: summary.id,
        title: summary.title,
        state: summary.state,
        goal: summary.goal,
        ...(summary.progress?.nextMilestone
          ? { nextMilestone: summary.progress.nextMilestone }
          : {}),
        status: row.system_status,
        done: Boolean(row.system_done),
        whatToDo: JSON.parse(row.system_what_to_do),
      };
    });
  }

  async replaceReadiness(rows: ReadinessRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(READINESS).delete();
      const unique = new Map(rows.map(r => [lower(r.systemRef), r]));
      for (const part of chunks([...unique.entries()])) {
        await tx(READINESS).insert(
          part.map(([ref, r]) => ({
            system_ref: ref,
            level: r.level,
            passed_checks: r.passedChecks
              ? JSON.stringify(r.passedChecks)
              : null,
            evaluated_at: r.evaluatedAt,
          })),
        );
      }
    });
  }

  async addHistory(
    campaignId: string,
    points: Array<{
      date: string;
      stateBodyRef: string;
      total: number;
      done: number;
    }>,
  ): Promise<void> {
    for (const part of chunks(points)) {
      await this.db(HISTORY)
        .insert(
          part.map(p => ({
            campaign_id: campaignId,
            date: p.date,
            state_body_ref: lower(p.stateBodyRef),
            total: p.total,
            done: p.done,
          })),
        )
        .onConflict(['campaign_id', 'state_body_ref', 'date'])
        .ignore();
    }
  }

  async hasHistory(campaignId: string): Promise<boolean> {
    return Boolean(
      await this.db(HISTORY).where({ campaign_id: campaignId }).first('date'),
    );
  }

  async recordEntries(
    campaignId: string,
    systemRefs: string[],
    days: { today: string; firstRun: string },
  ): Promise<Map<string, string>> {
    const refs = [...new Set(systemRefs.map(lower))];
    const recorded = new Map<string, string>();
    await this.db.transaction(async tx => {
      const any = await tx(ENTRIES)
        .where({ campaign_id: campaignId })
        .first('entity_ref');
      const day = any ? days.today : days.firstRun;
      for (const part of chunks(refs)) {
        // Only the first sight counts: a day once written is never moved.
        await tx(ENTRIES)
          .insert(
            part.map(ref => ({
              campaign_id: campaignId,
              entity_ref: ref,
              entered_on: day,
            })),
          )
          .onConflict(['campaign_id', 'entity_ref'])
          .ignore();
        const rows = await tx(ENTRIES)
          .where({ campaign_id: campaignId })
          .whereIn('entity_ref', part)
          .select<{ entity_ref: string; entered_on: string }[]>(
            'entity_ref',
            'entered_on',
          );
        for (const row of rows) {
          recorded.set(row.entity_ref, row.entered_on);
        }
      }
    });
    return recorded;
  }

  async readiness(systemRefs: string[]): Promise<Map<string, ReadinessRow>> {
    const result = new Map<string, ReadinessRow>();
    for (const part of chunks([...new Set(systemRefs.map(lower))])) {
      const rows = await this.db(READINESS)
        .whereIn('system_ref', part)
        .select('*');
      for (const row of rows) {
        result.set(row.system_ref, {
          systemRef: row.system_ref,
          level: row.level,
          ...(row.passed_checks
            ? { passedChecks: JSON.parse(row.passed_checks) }
            : {}),
          evaluatedAt: row.evaluated_at,
        });
      }
    }
    return result;
  }

  async claimNotification(key: string, campaignId: string): Promise<boolean> {
    const inserted = await this.db(NOTIFICATIONS)
      .insert({
        key,
        campaign_id: campaignId,
        sent_at: this.now().toISOString(),
      })
      .onConflict('key')
      .ignore()
      .returning('key');
    return inserted.length > 0;
  }

  async lastNotice(
    campaignId: string,
    recipient: string,
    kind: CampaignNoticeKind,
  ): Promise<CampaignNotice | undefined> {
    const row = await this.db(NOTICES)
      .where({ campaign_id: campaignId, recipient, kind })
      .orderBy('period', 'desc')
      .first();
    return row
      ? {
          campaignId: row.campaign_id,
          recipient: row.recipient,
          kind: row.kind,
          period: row.period,
          contentHash: row.content_hash,
          summary: JSON.parse(row.summary),
          sentAt: row.sent_at,
        }
      : undefined;
  }

  async recordNotice(notice: CampaignNotice): Promise<boolean> {
    const inserted = await this.db(NOTICES)
      .insert({
        campaign_id: notice.campaignId,
        recipient: notice.recipient,
        kind: notice.kind,
        period: notice.period,
        content_hash: notice.contentHash,
        summary: JSON.stringify(notice.summary),
        sent_at: this.now().toISOString(),
      })
      .onConflict(['campaign_id', 'recipient', 'kind', 'period'])
      .ignore()
      .returning('period');
    return inserted.length > 0;
  }
}
