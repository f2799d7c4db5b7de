/*
 * The stores `yarn bench:plans` looks at: for each plugin database, how to
 * fill it with `size` synthetic systems and the rows that hang off them
 * (through the store's own writes, or bulk inserts of the rows its
 * migrations define where one write a row would take hours), and the read
 * calls whose SQL is explained: every list, filter, count, statistic,
 * review queue, scheduler scan and audit read of the suite.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CampaignAction,
  PROGRESS_STATUSES,
  foldText,
} from '@qaztech/plugin-registry-common';
import { RequestState } from '@qaztech/plugin-moratorium-common';
import {
  ScorecardHistoryEntry,
  ScorecardResult,
} from '@qaztech/plugin-security-readiness-common';
import { DatabaseRegistryStore } from '../../plugins/registry-backend/src/database/DatabaseRegistryStore';
import { DatabaseCampaignStore } from '../../plugins/registry-backend/src/database/DatabaseCampaignStore';
import { RegistrySystemInput } from '../../plugins/registry-backend/src/database/RegistryStore';
import { toRegistrySystem } from '../../plugins/registry-backend/src/service/toRegistrySystem';
import {
  DatabaseMoratoriumStore,
  auditHash,
  GENESIS_HASH,
} from '../../plugins/moratorium-backend/src/database/DatabaseMoratoriumStore';
import { DatabaseSecurityReadinessStore } from '../../plugins/security-readiness-backend/src/database/DatabaseSecurityReadinessStore';
import { syntheticSystems } from './syntheticSystems';

/** One read call of a store whose SQL is explained. */
export type PlanScenario = {
  name: string;
  call: () => Promise<unknown>;
};

/** A plugin database: how to fill it, and what to read from it. */
export type PlanSuite = {
  /** The plugin whose database this is. */
  plugin: string;
  /** Fills the database; returns the read calls. */
  setup(
    knex: Knex,
    size: number,
    log: (m: string) => void,
  ): Promise<Record<string, PlanScenario[]>>;
};

const DAY = 24 * 60 * 60 * 1000;

function databaseOf(knex: Knex): DatabaseService {
  return { getClient: async () => knex };
}

/** Inserts rows a few hundred at a time (below SQLite's variable limit). */
async function bulkInsert(
  knex: Knex,
  table: string,
  rows: Record<string, unknown>[],
) {
  if (!rows.length) return;
  const perRow = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.floor(900 / perRow));
  await knex.transaction(async tx => {
    for (let i = 0; i < rows.length; i += size) {
      await tx(table).insert(rows.slice(i, i + size));
    }
  });
}

/** The first `batches` batches of an async iterable. */
async function firstBatches(iterable: AsyncIterable<unknown>, batches: number) {
  let n = 0;
  for await (const _ of iterable) {
    if (++n >= batches) break;
  }
}

/** The register systems of the synthetic catalog. */
function registrySystems(size: number): RegistrySystemInput[] {
  const at = new Date();
  return syntheticSystems(size).map(entity => {
    const mapped = toRegistrySystem(entity, { at });
    if (!mapped.ok) throw new Error(`invalid ${mapped.entityRef}`);
    return mapped.system;
  });
}

/** Registry projection and campaigns (one database: the registry plugin's). */
export const registrySuite: PlanSuite = {
  plugin: 'registry',
  async setup(knex, size, log) {
    const registry = await DatabaseRegistryStore.create({
      database: databaseOf(knex),
      cacheTtlMs: 0,
    });
    const campaigns = await DatabaseCampaignStore.create({
      database: databaseOf(knex),
    });
    const systems = registrySystems(size);
    for (let i = 0; i < systems.length; i += 2000) {
      await registry.upsertChanged(systems.slice(i, i + 2000));
    }
    log(`${systems.length} register systems`);
    for (let i = 0; i < 50; i++) {
      const started = new Date(Date.now() - i * DAY);
      await registry.addImport({
        sourceId: `export-${i % 3}`,
        source: 'https://register.example.gov.kz/export.csv',
        format: 'csv',
        startedAt: started.toISOString(),
        finishedAt: new Date(started.getTime() + 60_000).toISOString(),
        status: 'succeeded',
        rowsRead: size,
        imported: size,
        rejected: [],
      });
    }

    const bodies = [...new Set(systems.map(s => s.owner.ref))].sort();
    const campaignIds = ['migration-2026', 'readiness-2027', 'critical-soc'];
    for (const [k, id] of campaignIds.entries()) {
      await campaigns.createCampaign(
        {
          id,
          title: { ru: id, kk: id, en: id },
          owner: 'group:default/mcriap',
          scope: {},
          goal:
            k === 0
              ? { kind: 'platform-status', statuses: ['on-platform'] }
              : { kind: 'readiness-level', level: 'conditional' },
          startDate: '2026-01-01',
          milestones: [
            { date: '2026-06-30', share: 0.3 },
            { date: '2026-09-30', share: 1 },
          ],
          state: k === 2 ? 'draft' : 'active',
        },
        'user:default/bench',
      );
    }
    const action: CampaignAction = { code: 'done' };
    // The first two campaigns cover every system; the third a tenth of them.
    for (const [k, id] of campaignIds.entries()) {
      const inScope =
        k === 2 ? systems.filter((_, i) => i % 10 === 0) : systems;
      const rows = inScope.map((s, i) => {
        const status =
          PROGRESS_STATUSES[(i * 7 + k) % PROGRESS_STATUSES.length];
        return {
          entityRef: s.entityRef,
          stateBodyRef: s.owner.ref,
          title: s.title,
          status,
          done: status === 'done',
          whatToDo: action,
        };
      });
      const perBody = bodies.map(body => {
        const own = rows.filter(r => r.stateBodyRef === body);
        return {
          stateBodyRef: body,
          title: body,
          responsible: ['user:default/head'],
          total: own.length,
          done: own.filter(r => r.done).length,
          share: own.length ? own.filter(r => r.done).length / own.length : 1,
          status: 'on-track' as const,
        };
      });
      const done = rows.filter(r => r.done).length;
      await campaigns.saveComputation(id, {
        summary: {
          total: rows.length,
          done,
          share: rows.length ? done / rows.length : 1,
          status: 'on-track',
          bodies: {
            late: 0,
            'at-risk': 0,
            'on-track': perBody.length,
            done: 0,
          },
        } as any,
        bodies: perBody,
        systems: rows,
        date: '2026-11-27',
        writeHistory: false,
      });
      // A year of daily history, for the whole campaign and per body.
      const history: Record<string, unknown>[] = [];
      for (let d = 0; d < 365; d++) {
        const date = new Date(Date.UTC(2026, 0, 1) + d * DAY)
          .toISOString()
          .slice(0, 10);
        for (const body of ['', ...bodies]) {
          history.push({
            campaign_id: id,
            date,
            state_body_ref: body,
            total: 100,
            done: Math.min(100, d),
          });
        }
      }
      await bulkInsert(knex, 'registry_campaign_history', history);
    }
    await campaigns.replaceReadiness(
      systems.map((s, i) => ({
        systemRef: s.entityRef,
        level: (['ready', 'conditional', 'not-ready'] as const)[i % 3],
        passedChecks: ['record-complete'],
        evaluatedAt: new Date().toISOString(),
      })),
    );
    log(`${campaignIds.length} campaigns with progress and history`);

    const some = systems[Math.floor(systems.length / 2)];
    const firstPage = await registry.listSystems({
      filter: {},
      sort: { field: 'name', order: 'asc' },
      limit: 50,
    });
    const list = (
      name: string,
      filter: Parameters<typeof registry.listSystems>[0]['filter'],
      sort: Parameters<typeof registry.listSystems>[0]['sort'] = {
        field: 'name',
        order: 'asc',
      },
      cursor?: string,
    ): PlanScenario => ({
      name,
      call: () => registry.listSystems({ filter, sort, limit: 50, cursor }),
    });
    const firstCampaignPage = await campaigns.listSystems(campaignIds[0], {
      limit: 50,
    });
    const body = bodies[0];
    return {
      registry: [
        list('list', {}),
        list('list next page', {}, undefined, firstPage.nextCursor),
        list('sort title desc', {}, { field: 'title', order: 'desc' }),
        list(
          'sort registry number',
          {},
          { field: 'registryNumber', order: 'asc' },
        ),
        list(
          'sort lifecycle stage',
          {},
          { field: 'lifecycleStage', order: 'asc' },
        ),
        list(
          'sort platform status',
          {},
          { field: 'platformStatus', order: 'asc' },
        ),
        list('sort updated desc', {}, { field: 'updatedAt', order: 'desc' }),
        list('filter owner', { owner: [body] }),
        list('filter status', { platformStatus: ['violation'] }),
        list('filter stage', { lifecycleStage: ['pilot-operation'] }),
        list('filter status+stage', {
          platformStatus: ['legacy-migrating'],
          lifecycleStage: ['industrial-operation'],
        }),
        list('filter owner+status', {
          owner: [body],
          platformStatus: ['legacy-migrating'],
        }),
        list('filter critical', { critical: true }),
        list('filter hosting', { hostingKind: ['commercial'] }),
        list('filter data category', { dataCategory: ['health'] }),
        list('search common word', { q: 'реестр' }),
        list('search registry number', { q: 'ИС-B00042' }),
        { name: 'stats', call: () => registry.stats() },
        { name: 'system card', call: () => registry.getSystem(some.entityRef) },
        {
          name: 'export csv (2 batches)',
          call: () => firstBatches(registry.streamSystems({}, 500), 2),
        },
        {
          name: 'export filtered (2 batches)',
          call: () =>
            firstBatches(
              registry.streamSystems({ platformStatus: ['violation'] }, 500),
              2,
            ),
        },
        {
          name: 'export records (2 batches)',
          call: () => firstBatches(registry.streamRecords(500), 2),
        },
        { name: 'imports', call: () => registry.listImports(20) },
      ],
      campaigns: [
        { name: 'campaigns', call: () => campaigns.listCampaigns() },
        {
          name: 'active campaigns',
          call: () => campaigns.listCampaigns({ states: ['active'] }),
        },
        { name: 'campaign', call: () => campaigns.getCampaign(campaignIds[0]) },
        {
          name: 'progress per body',
          call: () => campaigns.listBodies(campaignIds[0]),
        },
        {
          name: 'systems page',
          call: () => campaigns.listSystems(campaignIds[0], { limit: 50 }),
        },
        {
          name: 'systems next page',
          call: () =>
            campaigns.listSystems(campaignIds[0], {
              limit: 50,
              cursor: firstCampaignPage.nextCursor,
            }),
        },
        {
          name: 'systems of a body',
          call: () =>
            campaigns.listSystems(campaignIds[0], {
              stateBody: body,
              limit: 50,
            }),
        },
        {
          name: 'late systems',
          call: () =>
            campaigns.listSystems(campaignIds[0], {
              status: ['late'],
              limit: 50,
            }),
        },
        {
          name: 'late systems of a body',
          call: () =>
            campaigns.listSystems(campaignIds[0], {
              stateBody: body,
              status: ['late'],
              limit: 50,
            }),
        },
        {
          name: 'late list (2 batches)',
          call: () =>
            firstBatches(campaigns.streamSystems(campaignIds[0], ['late']), 2),
        },
        { name: 'history', call: () => campaigns.history(campaignIds[0]) },
        {
          name: 'history by body',
          call: () => campaigns.history(campaignIds[0], { byBody: true }),
        },
        {
          name: 'history of a body',
          call: () => campaigns.history(campaignIds[0], { stateBody: body }),
        },
        {
          name: 'campaigns of a system',
          call: () => campaigns.systemCampaigns(some.entityRef),
        },
        {
          name: 'readiness of 200 systems',
          call: () =>
            campaigns.readiness(systems.slice(0, 200).map(s => s.entityRef)),
        },
      ],
    };
  },
};

/** The request states of the synthetic requests, by share. */
const STATE_MIX: Array<[RequestState, number]> = [
  ['draft', 10],
  ['submitted', 8],
  ['platform-review', 8],
  ['ministry-review', 6],
  ['info-requested', 3],
  ['on-agenda', 8],
  ['approved', 20],
  ['approved-with-conditions', 10],
  ['rejected', 10],
  ['deferred', 2],
  ['withdrawn', 5],
  ['expired', 5],
  ['revoked', 5],
];

function stateOf(i: number): RequestState {
  let k = i % 100;
  for (const [state, share] of STATE_MIX) {
    if (k < share) return state;
    k -= share;
  }
  return 'draft';
}

const DECIDED = new Set<RequestState>([
  'approved',
  'approved-with-conditions',
  'rejected',
  'expired',
  'revoked',
]);

/**
 * Moratorium: one request for every two systems, with history, votes,
 * sittings, decisions, conditions, deadlines, idempotency keys and a valid
 * audit chain, inserted in bulk as its migrations define the rows.
 */
export const moratoriumSuite: PlanSuite = {
  plugin: 'moratorium',
  async setup(knex, size, log) {
    const store = await DatabaseMoratoriumStore.create({
      database: databaseOf(knex),
    });
    const systems = syntheticSystems(size);
    const count = Math.max(1, Math.floor(size / 2));
    const bodies = [...new Set(systems.map(s => String(s.spec?.owner)))].sort();
    const start = Date.UTC(2026, 0, 5);
    const iso = (ms: number) => new Date(ms).toISOString();
    const requests: Record<string, unknown>[] = [];
    const history: Record<string, unknown>[] = [];
    const votes: Record<string, unknown>[] = [];
    const decisions: Record<string, unknown>[] = [];
    const conditions: Record<string, unknown>[] = [];
    const deadlines: Record<string, unknown>[] = [];
    const idempotency: Record<string, unknown>[] = [];
    const audit: Record<string, unknown>[] = [];
    const sittings = new Map<string, string>();
    let prevHash = GENESIS_HASH;
    let seq = 0;
    const appendAudit = (
      requestId: string,
      actor: string,
      action: string,
      payload: object,
      at: string,
    ) => {
      seq += 1;
      const hash = auditHash(prevHash, {
        seq,
        requestId,
        actor,
        action,
        payload,
        at,
      });
      audit.push({
        seq,
        request_id: requestId,
        actor,
        action,
        payload: JSON.stringify(payload),
        at,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
    };
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      const system = systems[(i * 2) % systems.length];
      const id = randomUUID();
      const state = stateOf(i);
      // Created over the year so far, in order; changed a few days later.
      const created = start + Math.floor(((now - start) * i) / count);
      const updated = Math.min(now, created + (i % 20) * DAY);
      const number = `EX-2026-${String(i + 1).padStart(6, '0')}`;
      const entityRef = `system:default/${system.metadata.name}`;
      const applicant = `user:default/developer-${i % 2000}`;
      const stateBodyRef = String(system.spec?.owner);
      const purpose = `Учёт и обработка данных ${system.metadata.title}`;
      const sittingDate = iso(created + 30 * DAY).slice(0, 10);
      let sittingId: string | null = null;
      if (state === 'on-agenda' || state === 'deferred' || DECIDED.has(state)) {
        sittingId = sittings.get(sittingDate) ?? randomUUID();
        sittings.set(sittingDate, sittingId);
      }
      const content = {
        system: {
          kind: 'planned',
          entityRef,
          title: {
            ru: String(system.metadata.title),
            kk: String(system.metadata.title),
          },
        },
        stateBodyRef,
        purpose,
      };
      requests.push({
        id,
        number,
        state,
        resume_state: state === 'info-requested' ? 'platform-review' : null,
        version: 6,
        content: JSON.stringify(content),
        applicant,
        state_body_ref: stateBodyRef,
        system_ref: entityRef,
        system: JSON.stringify(content.system),
        purpose,
        search_text: foldText(
          [
            number,
            entityRef,
            content.system.title.ru,
            content.system.title.kk,
            purpose,
          ].join('\n'),
        ),
        submitted_by: state === 'draft' ? null : applicant,
        submitted_at: state === 'draft' ? null : iso(created + DAY),
        created_at: iso(created),
        updated_at: iso(updated),
        similar_systems: '[]',
        opinions: '[]',
        questions: null,
        sitting_id: sittingId,
      });
      const steps: Array<[string, string | null, string]> = [
        ['create', null, 'draft'],
      ];
      if (state !== 'draft') steps.push(['submit', 'draft', 'submitted']);
      if (state !== 'draft' && state !== 'submitted') {
        steps.push(['accept', 'submitted', 'platform-review']);
        steps.push(['set-agenda', 'platform-review', 'on-agenda']);
      }
      if (DECIDED.has(state)) steps.push(['decide', 'on-agenda', state]);
      for (const [k, [action, from, to]] of steps.entries()) {
        const at = iso(created + k * DAY);
        history.push({
          request_id: id,
          action,
          from_state: from,
          to_state: to,
          actor: applicant,
          at,
          details: null,
        });
        appendAudit(id, applicant, action, { from, to }, at);
      }
      idempotency.push({
        actor: applicant,
        key: `create-${i}`,
        request_hash: createHash('sha256').update(id).digest('hex'),
        status: 201,
        body: JSON.stringify({ id }),
        created_at: iso(created),
      });
      if (sittingId) {
        for (let m = 1; m <= 3; m++) {
          votes.push({
            request_id: id,
            member: `user:default/member${m}`,
            choice: m === 3 ? 'abstain' : 'for',
            opinion: null,
            at: iso(created + 29 * DAY),
          });
        }
      }
      if (DECIDED.has(state)) {
        const decisionId = decisions.length + 1;
        decisions.push({
          id: decisionId,
          request_id: id,
          outcome:
            state === 'rejected'
              ? 'rejected'
              : state === 'approved-with-conditions'
              ? 'approved-with-conditions'
              : 'approved',
          protocol_number: `П-${i}`,
          sitting_date: sittingDate,
          reasons: null,
          expires_at: iso(created + 400 * DAY).slice(0, 10),
          recorded_by: 'user:default/saule',
          recorded_at: iso(created + 30 * DAY),
        });
        if (state === 'approved-with-conditions') {
          for (let c = 0; c < 2; c++) {
            conditions.push({
              decision_id: decisionId,
              id: randomUUID(),
              request_id: id,
              position: c,
              text: 'Представить план миграции',
              due_date: iso(created + (60 + c * 90) * DAY).slice(0, 10),
              status: c === 0 && i % 3 === 0 ? 'met' : 'open',
              resolved_at: null,
              resolved_by: null,
              evidence: null,
            });
          }
        }
      }
      if (state !== 'draft' && state !== 'submitted') {
        deadlines.push({
          request_id: id,
          subject: 'submitted',
          due_at: iso(created + 6 * DAY),
          paused_at: null,
          remaining_working_days: null,
          reminded_at: iso(created + 4 * DAY),
          missed_notified_at: null,
          closed_at: iso(created + 2 * DAY),
        });
      }
      if (state !== 'draft') {
        const open = !DECIDED.has(state) && state !== 'withdrawn';
        deadlines.push({
          request_id: id,
          subject: open ? state : 'platform-review',
          due_at: iso(updated + 10 * DAY),
          paused_at: state === 'info-requested' ? iso(updated) : null,
          remaining_working_days: state === 'info-requested' ? 5 : null,
          // The scheduler has sent the notices of deadlines long past.
          reminded_at:
            i % 4 === 0 || updated + 10 * DAY < now - DAY
              ? iso(updated + 8 * DAY)
              : null,
          missed_notified_at:
            updated + 10 * DAY < now - DAY ? iso(updated + 11 * DAY) : null,
          closed_at: open ? null : iso(updated),
        });
      }
    }
    await bulkInsert(knex, 'moratorium_requests', requests);
    await bulkInsert(knex, 'moratorium_history', history);
    await bulkInsert(knex, 'moratorium_votes', votes);
    await bulkInsert(
      knex,
      'moratorium_sittings',
      [...sittings].map(([date, id]) => ({ id, date, created_at: iso(now) })),
    );
    await bulkInsert(knex, 'moratorium_decisions', decisions);
    if (knex.client.config.client === 'pg') {
      await knex.raw(
        "SELECT setval(pg_get_serial_sequence('moratorium_decisions', 'id'), ?)",
        [decisions.length + 1],
      );
    }
    await bulkInsert(knex, 'moratorium_conditions', conditions);
    await bulkInsert(knex, 'moratorium_deadlines', deadlines);
    await bulkInsert(knex, 'moratorium_idempotency', idempotency);
    await bulkInsert(knex, 'moratorium_audit', audit);
    // On PostgreSQL the head only moves one entry at a time, unless the
    // owner turns maintenance on, as this bulk load does.
    await knex.transaction(async tx => {
      if (knex.client.config.client === 'pg') {
        await tx.raw("SET LOCAL qaztech.audit_maintenance = 'on'");
      }
      await tx('moratorium_audit_head')
        .where('id', 1)
        .update({ seq, hash: prevHash });
    });
    log(
      `${count} requests, ${history.length} history entries, ${decisions.length} decisions, ${audit.length} audit entries`,
    );

    const some = requests[Math.floor(count / 2)];
    const decided = decisions[Math.floor(decisions.length / 2)];
    const firstPage = await store.listRequests({}, { limit: 20 });
    const firstDecisions = await store.listDecisions({}, { limit: 20 });
    const firstAudit = await store.listAudit({}, { limit: 20 });
    const sittingId = [...sittings.values()][Math.floor(sittings.size / 2)];
    const page = { limit: 20 };
    const list = (
      name: string,
      filter: Parameters<typeof store.listRequests>[0],
      extra: object = {},
    ): PlanScenario => ({
      name,
      call: () => store.listRequests(filter, { ...page, ...extra }),
    });
    return {
      moratorium: [
        list('requests', {}),
        list('requests next page', {}, { cursor: firstPage.nextCursor }),
        list('requests by created', {}, { sort: 'createdAt' }),
        list('commission queue (on agenda)', { states: ['on-agenda'] }),
        list('review queue (submitted, reviews)', {
          states: ['submitted', 'platform-review', 'ministry-review'],
        }),
        list('requests of a body', { stateBodyRefs: [bodies[0]] }),
        list('my requests', { applicant: String(some.applicant) }),
        list('requests about a system', { systemRef: String(some.system_ref) }),
        list('agenda of a sitting', { sittingId }),
        list('search', { q: 'EX-2026-0012' }),
        {
          name: 'requests with draft visibility',
          call: () =>
            store.listRequests(
              {
                draftsVisibleTo: {
                  userRef: String(some.applicant),
                  ownershipRefs: [bodies[0]],
                },
              },
              page,
            ),
        },
        { name: 'request', call: () => store.getRequest(String(some.id)) },
        {
          name: 'request history',
          call: () => store.listHistory(String(some.id)),
        },
        { name: 'request votes', call: () => store.listVotes(String(some.id)) },
        {
          name: 'request deadlines',
          call: () => store.listDeadlines(String(some.id)),
        },
        {
          name: 'request decision',
          call: () => store.getDecision(String(decided.request_id)),
        },
        { name: 'sitting', call: () => store.getSitting(sittingId) },
        {
          name: 'sittings of a month',
          call: () =>
            store.listSittings({ from: '2026-03-01', to: '2026-03-31' }),
        },
        { name: 'decisions', call: () => store.listDecisions({}, page) },
        {
          name: 'decisions next page',
          call: () =>
            store.listDecisions(
              {},
              { ...page, cursor: firstDecisions.nextCursor },
            ),
        },
        {
          name: 'decisions by outcome',
          call: () => store.listDecisions({ outcomes: ['rejected'] }, page),
        },
        {
          name: 'decisions of a body',
          call: () => store.listDecisions({ stateBodyRefs: [bodies[1]] }, page),
        },
        {
          name: 'decisions of a system',
          call: () =>
            store.listDecisions({ systemRef: String(some.system_ref) }, page),
        },
        {
          name: 'conditions due (scheduler)',
          call: () => store.listOpenConditionsDue(iso(now).slice(0, 10)),
        },
        {
          name: 'deadlines due (scheduler)',
          call: () => store.listDueDeadlines(new Date(now)),
        },
        {
          name: 'exemptions of a system',
          call: () => store.listExemptions(String(some.system_ref)),
        },
        {
          name: 'exemption changes since yesterday',
          call: () => store.listExemptionChangesSince(new Date(now - DAY)),
        },
        {
          name: 'idempotency key',
          call: () => store.getIdempotent(String(some.applicant), 'create-1'),
        },
        { name: 'audit', call: () => store.listAudit({}, page) },
        {
          name: 'audit next page',
          call: () =>
            store.listAudit({}, { ...page, cursor: firstAudit.nextCursor }),
        },
        {
          name: 'audit of a request',
          call: () => store.listAudit({ requestId: String(some.id) }, page),
        },
        { name: 'audit verify (whole chain)', call: () => store.verifyAudit() },
      ],
    };
  },
};

const CHECK_IDS = [
  'record-complete',
  'security-governance',
  'test-act',
  'overdue-findings',
  'branch-protection',
  'sast-vulnerabilities',
  'supply-chain',
  'ci-hygiene',
  'hosting-data',
  'crypto-access',
  'soc-monitoring',
  'restore-and-exercise',
  'privacy',
];

/**
 * Security readiness: a scorecard for every system with three history
 * entries, four facts, attestations for two systems in three (through the
 * store), sign-offs for one in ten, waivers, runs and a year of trend.
 */
export const readinessSuite: PlanSuite = {
  plugin: 'security-readiness',
  async setup(knex, size, log) {
    const store = await DatabaseSecurityReadinessStore.create({
      database: databaseOf(knex),
    });
    const systems = syntheticSystems(size).map(s => ({
      ref: `system:default/${s.metadata.name}`,
      body: String(s.spec?.owner),
      title: String(s.metadata.title),
    }));
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const levels = ['ready', 'conditional', 'not-ready'] as const;
    for (let round = 0; round < 3; round++) {
      const evaluatedAt = iso(now - (3 - round) * 7 * DAY);
      for (let i = 0; i < systems.length; i += 1000) {
        await store.writeScorecards(
          systems.slice(i, i + 1000).map((s, k) => {
            const n = i + k;
            const score = ((n * 7 + round * 3) % 100) / 10;
            const level = levels[(n + round) % 3];
            const result = {
              systemRef: s.ref,
              score,
              level,
              gatesFailed: [],
              checks: CHECK_IDS.map((checkId, c) => ({
                checkId,
                area: 'governance',
                applicable: true,
                status: (n + c) % 4 === 0 ? 'fail' : 'pass',
                score: (n + c) % 11,
                weight: 5,
                reason: { code: 'bench' },
                evidence: { kind: 'entity' },
              })),
              evaluatedAt,
              inputsHash: createHash('sha256')
                .update(`${s.ref}${round}`)
                .digest('hex'),
            } as unknown as ScorecardResult;
            const historyEntry: ScorecardHistoryEntry = {
              evaluatedAt,
              score,
              level,
              gatesFailed: [],
              changedChecks: [],
            };
            return {
              result,
              stateBodyRef: s.body,
              title: s.title,
              history: historyEntry,
            };
          }),
        );
      }
    }
    log(`${systems.length} scorecards, ${systems.length * 3} history entries`);

    const types = [
      'findings',
      'openssf-scorecard',
      'vulnerabilities',
      'tls-probe',
    ];
    for (let i = 0; i < systems.length; i += 250) {
      await store.insertFacts(
        systems.slice(i, i + 250).flatMap((s, k) =>
          types.map(type => ({
            systemRef: s.ref,
            type,
            source: `bench:${type}`,
            observedAt: iso(now - ((i + k) % 5) * DAY),
            value: { score: (i + k) % 11 },
          })),
        ),
      );
    }
    log(`${systems.length * types.length} facts`);

    const attestations: Record<string, unknown>[] = [];
    const signoffs: Record<string, unknown>[] = [];
    const waivers: Record<string, unknown>[] = [];
    systems.forEach((s, i) => {
      if (i % 3 !== 2) {
        for (const checkId of [
          'security-governance',
          'soc-monitoring',
          'restore-and-exercise',
        ]) {
          const attestedAt = now - (i % 360) * DAY;
          attestations.push({
            id: randomUUID(),
            system_ref: s.ref,
            check_id: checkId,
            result: i % 5 === 0 ? 'fail' : 'pass',
            evidence: JSON.stringify({
              url: `https://docs.example.kz/${i}.pdf`,
            }),
            attested_by: 'user:default/officer',
            attested_at: iso(attestedAt),
            expires_at: iso(attestedAt + 365 * DAY),
            // The daily reminder task has reminded those that entered the
            // 30-day window before today.
            reminded_at:
              attestedAt + 365 * DAY < now + 29 * DAY ? iso(now - DAY) : null,
          });
        }
      }
      if (i % 10 === 0) {
        signoffs.push({
          id: randomUUID(),
          system_ref: s.ref,
          level: levels[i % 3],
          score: 7.5,
          signed_by: 'user:default/officer',
          signed_at: iso(now - (i % 100) * DAY),
          comment: null,
          evidence_hash: createHash('sha256').update(`${s.ref}2`).digest('hex'),
          results: '[]',
          latest_key: s.ref,
          drop_notified_at: i % 20 === 0 ? iso(now) : null,
        });
      }
      if (i % 20 === 0) {
        const status = (
          ['requested', 'granted', 'rejected', 'expired'] as const
        )[(i / 20) % 4];
        waivers.push({
          id: randomUUID(),
          system_ref: s.ref,
          check_id: 'sast-vulnerabilities',
          justification: 'Сканер не поддерживает язык системы.',
          requested_by: 'user:default/developer',
          requested_at: iso(now - (i % 200) * DAY),
          expires_at: iso(now + 90 * DAY),
          status,
          decided_by: status === 'requested' ? null : 'user:default/officer',
          decided_at: status === 'requested' ? null : iso(now),
          decision_comment: null,
          open_key:
            status === 'requested' || status === 'granted'
              ? `${s.ref} sast-vulnerabilities`
              : null,
        });
      }
    });
    await bulkInsert(knex, 'sr_attestations', attestations);
    await bulkInsert(knex, 'sr_signoffs', signoffs);
    // Half of the signed systems are signed on their current evidence.
    const signedRefs = signoffs
      .filter((_, k) => k % 2 === 0)
      .map(s => String(s.system_ref));
    for (let i = 0; i < signedRefs.length; i += 500) {
      await knex('sr_scorecards')
        .whereIn('system_ref', signedRefs.slice(i, i + 500))
        .update({ signed_hash: knex.ref('inputs_hash') });
    }
    await bulkInsert(knex, 'sr_waivers', waivers);
    const runs: Record<string, unknown>[] = [];
    const trend: Record<string, unknown>[] = [];
    for (let d = 0; d < 365; d++) {
      const at = iso(now - d * DAY);
      runs.push({
        id: randomUUID(),
        scope_key: 'all',
        scope: '{"kind":"all"}',
        trigger: 'schedule',
        requested_by: null,
        status: 'succeeded',
        total: systems.length,
        done: systems.length,
        changed: d % 50,
        created_at: at,
        started_at: at,
        heartbeat_at: at,
        finished_at: at,
        error: null,
        active_key: null,
      });
      trend.push({
        date: at.slice(0, 10),
        ready: d,
        conditional: d,
        not_ready: d,
        average_score: 6.5,
        recorded_at: at,
      });
    }
    await bulkInsert(knex, 'sr_runs', runs);
    await bulkInsert(knex, 'sr_trend', trend);
    log(
      `${attestations.length} attestations, ${signoffs.length} sign-offs, ${waivers.length} waivers`,
    );

    const some = systems[Math.floor(systems.length / 2)];
    const firstPage = await store.listScorecards({}, { limit: 50 });
    const refs = systems.slice(0, 200).map(s => s.ref);
    return {
      'security-readiness': [
        {
          name: 'scorecards',
          call: () => store.listScorecards({}, { limit: 50 }),
        },
        {
          name: 'scorecards next page',
          call: () =>
            store.listScorecards(
              {},
              { limit: 50, cursor: firstPage.nextCursor },
            ),
        },
        {
          name: 'scorecards by level',
          call: () =>
            store.listScorecards({ levels: ['not-ready'] }, { limit: 50 }),
        },
        {
          name: 'scorecards of a body',
          call: () =>
            store.listScorecards({ stateBodyRefs: [some.body] }, { limit: 50 }),
        },
        {
          name: 'scorecards of a body by level',
          call: () =>
            store.listScorecards(
              { stateBodyRefs: [some.body], levels: ['ready'] },
              { limit: 50 },
            ),
        },
        {
          name: 'review queue: awaiting sign-off',
          call: () =>
            store.listScorecards({ awaitingSignOff: true }, { limit: 50 }),
        },
        {
          name: 'review queue: expiring attestations',
          call: () =>
            store.listExpiringAttestations(new Date(now + 30 * DAY), {
              limit: 50,
            }),
        },
        {
          name: 'review queue: requested waivers',
          call: () => store.listWaivers({ status: 'requested', limit: 50 }),
        },
        { name: 'summary by level', call: () => store.countByLevel() },
        { name: 'summary by body', call: () => store.countByStateBody() },
        {
          name: 'trend',
          call: () => store.trend(iso(now - 90 * DAY).slice(0, 10)),
        },
        { name: 'scorecard', call: () => store.getScorecard(some.ref) },
        { name: 'scorecard history', call: () => store.history(some.ref) },
        { name: 'facts of a system', call: () => store.listFacts(some.ref) },
        {
          name: 'sign-offs of a system',
          call: () => store.listSignOffs(some.ref),
        },
        { name: 'latest sign-off', call: () => store.latestSignOff(some.ref) },
        {
          name: 'evaluation: scorecards of 200',
          call: () => store.getScorecards(refs),
        },
        {
          name: 'evaluation: facts of 200',
          call: () => store.factsForSystems(refs, new Date(now - 30 * DAY)),
        },
        {
          name: 'evaluation: attestations of 200',
          call: () => store.attestationsForSystems(refs),
        },
        {
          name: 'evaluation: waivers of 200',
          call: () => store.waiversForSystems(refs),
        },
        {
          name: 'attestation reminders (scheduler)',
          call: () =>
            store.attestationsExpiringUnreminded(
              new Date(now),
              new Date(now + 30 * DAY),
            ),
        },
        {
          name: 'sign-off drops (scheduler)',
          call: () => store.signOffsWithUnnotifiedDrop(),
        },
        { name: 'runs', call: () => store.latestRuns(20) },
      ],
    };
  },
};
